package org.prunesh.ops.stp;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.model.ParamKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a subnet as a physically smaller network: a {@link ModelSpec.SubnetResNet} whose tensors
 * hold the kept slices of the full network's weights and batch-norm statistics. With the same
 * statistics its logits equal the masked full network's (channels off in the mask contribute
 * exact zeros there), up to float summation order.
 */
public final class Extraction {

    private Extraction() {
    }

    /** The smaller network's spec: stream widths per stage, internal widths of the kept blocks. */
    public static ModelSpec.SubnetResNet spec(Network full, StpGraph.Kept kept) {
        int depth;
        double width;
        if (full.spec() instanceof ModelSpec.ResNet r) {
            depth = r.depth();
            width = r.width();
        } else if (full.spec() instanceof ModelSpec.SubnetResNet r) {
            depth = r.depth();
            width = r.width();
        } else {
            throw new IllegalArgumentException("extraction needs a basic-block ResNet, not " + full.spec().name());
        }
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

    /** The smaller network, holding copies of the kept weights and running statistics. */
    public static Network extract(Network full, StpGraph.Kept kept) {
        Network small = Models.build(spec(full, kept), full.sampleShape(), full.classes(), 0, full.labelSmoothing());
        Map<String, String[]> groups = StpGraph.groupsOfLayer(full.architecture());
        for (ParamInfo p : small.params()) {
            String[] g = groups.get(p.layer());
            int[] out = g[0] == null ? null : kept.channels(g[0]);
            int[] in = g[1] == null ? null : kept.channels(g[1]);
            INDArray source = full.array(p.name());
            // a copy: M2.1's shape() is the array's own shape info, and gather rewrites it in place
            long[] shape = source.shape().clone();
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
