package org.prunesh.ops.stp;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.model.ChannelCoupling;
import org.prunesh.ops.model.Flops;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.model.ParamKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a subnet as a physically smaller network: a {@link ModelSpec.SubnetResNet} (or
 * {@link ModelSpec.SubnetVgg19}) whose tensors
 * hold the kept slices of the full network's weights and batch-norm statistics. With the same
 * statistics its logits equal the masked full network's (channels off in the mask contribute
 * exact zeros there), up to float summation order. The channels kept come from an STP subnet
 * ({@link StpGraph.Kept}) or from the weight masks of channel pruning ({@link #fromMasks}).
 */
public final class Extraction {

    /**
     * A network cut from masks.
     *
     * @param network  the smaller network, in the full network's batch-norm mode
     * @param kept     the channels kept per group
     * @param macs     its multiply-accumulates per sample ({@link Flops})
     * @param fullMacs the full network's
     */
    public record Result(Network network, StpGraph.Kept kept, long macs, long fullMacs) {
        public double macsFraction() {
            return (double) macs / fullMacs;
        }
    }

    private Extraction() {
    }

    /**
     * Cuts a channel-pruned network to the smaller one with the same function: a channel of a group
     * stays when some weight of the group keeps an element of its filter ({@link
     * ChannelCoupling#keptChannels}), so coupled channel pruning, which removes a residual stream's
     * channel from all its convolutions at once, shrinks every layer it touches. The weights copied
     * are the masked ones, and the biases and batch-norm parameters of removed channels are zeroed
     * first, as training with channel granularity keeps them; {@code net} is not modified.
     *
     * @param masks weight name to its 0/1 mask of the weight's shape; weights without one are dense
     * @throws IllegalArgumentException for a network other than a basic-block ResNet or VGG-19
     */
    public static Result fromMasks(Network net, Map<String, INDArray> masks) {
        ChannelCoupling coupling = ChannelCoupling.of(net);
        StpGraph.Kept kept = new StpGraph.Kept(coupling.keptChannels(masks), Set.of());
        spec(net, kept);
        Network masked = Models.copyOf(net);
        masks.forEach((name, mask) -> masked.array(name).muli(mask));
        coupling.zeroFollowers(masked, masks);
        Network small = extract(masked, kept);
        return new Result(small, kept, Flops.count(small).macs(), Flops.count(net).macs());
    }

    /**
     * The smaller network's spec: for a ResNet, stream widths per stage and internal widths of the
     * kept blocks; for a VGG-19, the channels of each convolution.
     */
    public static ModelSpec spec(Network full, StpGraph.Kept kept) {
        requireCuttable(full.spec());
        if (full.spec() instanceof ModelSpec.Vgg19 || full.spec() instanceof ModelSpec.SubnetVgg19) {
            if (!kept.droppedBlocks().isEmpty()) {
                throw new IllegalArgumentException("a VGG keeps every layer; blocks " + kept.droppedBlocks()
                        + " cannot be dropped");
            }
            List<Integer> channels = new ArrayList<>();
            for (Architecture.Layer l : full.architecture().layers()) {
                if (l.kind() == Architecture.Kind.CONV) channels.add(kept.channels(l.name()).length);
            }
            return new ModelSpec.SubnetVgg19(full.spec().width(), channels);
        }
        int depth = full.spec() instanceof ModelSpec.ResNet r ? r.depth() : ((ModelSpec.SubnetResNet) full.spec()).depth();
        double width = full.spec().width();
        List<Integer> stream = new ArrayList<>();
        List<List<Integer>> inner = new ArrayList<>();
        for (Architecture.Stage stage : full.architecture().stages()) {
            stream.add(kept.channels(stage.name() + ".stream").length);
            List<Integer> blocks = new ArrayList<>();
            boolean dropping = false;
            for (Architecture.Block b : stage.blocks()) {
                if (kept.droppedBlocks().contains(b.name())) {
                    dropping = true;
                    continue;
                }
                if (dropping) {
                    throw new IllegalArgumentException("block " + b.name() + " is kept after a dropped block; "
                            + "a subnet keeps the first blocks of each stage");
                }
                blocks.add(kept.channels(b.name() + ".conv1").length);
            }
            inner.add(blocks);
        }
        return new ModelSpec.SubnetResNet(depth, width, stream, inner);
    }

    /**
     * Throws unless extraction can cut a network of {@code spec}: a basic-block ResNet or a VGG-19,
     * or one already cut from them.
     */
    public static void requireCuttable(ModelSpec spec) {
        if (!(spec instanceof ModelSpec.ResNet || spec instanceof ModelSpec.SubnetResNet
                || spec instanceof ModelSpec.Vgg19 || spec instanceof ModelSpec.SubnetVgg19)) {
            throw new IllegalArgumentException("extraction needs a basic-block ResNet (resnet20, resnet32, resnet56, "
                    + "resnet110) or VGG-19, not " + spec.name());
        }
    }

    /** The smaller network, holding copies of the kept weights and running statistics. */
    public static Network extract(Network full, StpGraph.Kept kept) {
        Network small = Models.build(spec(full, kept), full.sampleShape(), full.classes(), 0, full.labelSmoothing());
        Map<String, String[]> groups = StpGraph.groupsOfLayer(full.architecture());
        Map<String, Long> channelsOf = new HashMap<>();
        full.architecture().groups().forEach(g -> channelsOf.put(g.name(), g.channels()));
        for (ParamInfo p : small.params()) {
            String[] g = groups.get(p.layer());
            int[] out = g[0] == null ? null : kept.channels(g[0]);
            int[] in = g[1] == null ? null : kept.channels(g[1]);
            INDArray source = full.array(p.name());
            // a copy: M2.1's shape() is the array's own shape info, and gather rewrites it in place
            long[] shape = source.shape().clone();
            if (in != null && shape.length == 2) {
                // a dense layer after a flatten reads each channel at shape[0] / C positions, channel-major
                in = positions(in, shape[0] / channelsOf.get(g[1]));
            }
            float[] values = source.dup('c').data().asFloat();
            if (p.kind() == ParamKind.WEIGHT && shape.length == 4) {
                values = gather(values, shape, 2, in);
                values = gather(values, shape, 3, out);
            } else if (p.kind() == ParamKind.WEIGHT && shape.length == 2) {
                values = gather(values, shape, 0, in);
                values = gather(values, shape, 1, out);
            } else {
                values = gather(values, shape, 0, out);
            }
            small.array(p.name()).assign(Nd4j.create(values, shape, 'c'));
        }
        for (String buffer : small.buffers()) {
            String layer = buffer.substring(0, buffer.lastIndexOf('.'));
            INDArray source = full.array(buffer);
            long[] shape = source.shape().clone();
            float[] values = gather(source.dup('c').data().asFloat(), shape, 0, kept.channels(groups.get(layer)[0]));
            small.array(buffer).assign(Nd4j.create(values, shape, 'c'));
        }
        small.batchNorm().force(full.batchNorm().forced());
        return small;
    }

    /** The flattened positions of {@code channels} when each has {@code per} consecutive ones. */
    static int[] positions(int[] channels, long per) {
        if (per == 1) return channels;
        int[] out = new int[(int) (channels.length * per)];
        int k = 0;
        for (int c : channels) for (long p = 0; p < per; p++) out[k++] = (int) (c * per + p);
        return out;
    }

    /**
     * Keeps the entries at {@code index} along {@code axis} of a C-order array ({@code shape} is
     * updated in place); a null index keeps the axis whole.
     */
    static float[] gather(float[] values, long[] shape, int axis, int[] index) {
        if (index == null) return values;
        long outer = 1, inner = 1;
        for (int d = 0; d < axis; d++) outer *= shape[d];
        for (int d = axis + 1; d < shape.length; d++) inner *= shape[d];
        long n = shape[axis];
        float[] out = new float[(int) (outer * index.length * inner)];
        int o = 0;
        for (long a = 0; a < outer; a++) {
            for (int i : index) {
                if (i < 0 || i >= n) throw new IllegalArgumentException("channel " + i + " outside 0.." + (n - 1));
                System.arraycopy(values, (int) ((a * n + i) * inner), out, o, (int) inner);
                o += (int) inner;
            }
        }
        shape[axis] = index.length;
        return out;
    }
}
