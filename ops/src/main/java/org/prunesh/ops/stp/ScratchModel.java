package org.prunesh.ops.stp;

import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;

import java.util.ArrayList;
import java.util.List;

/**
 * The physically smaller network of an arch, built directly with fresh random weights: the same
 * shapes {@link Extraction} gives the subnet cut from a trained network, so that "the same
 * architecture trained from scratch" is an ordinary training of this network.
 */
public final class ScratchModel {

    private ScratchModel() {
    }

    /** The subnet's spec: stream widths per stage, internal widths of the kept blocks. */
    public static ModelSpec.SubnetResNet spec(ModelSpec.ResNet full, Architecture a, Arch arch) {
        SubnetLayout layout = SubnetLayout.of(a, arch);
        List<Integer> stream = new ArrayList<>();
        List<List<Integer>> inner = new ArrayList<>();
        for (Architecture.Stage stage : a.stages()) {
            stream.add(Math.toIntExact(layout.channels(stage.name() + ".stream")));
            List<Integer> blocks = new ArrayList<>();
            for (Architecture.Block b : stage.blocks()) {
                if (!layout.droppedBlocks().contains(b.name())) {
                    blocks.add(Math.toIntExact(layout.channels(b.name() + ".conv1")));
                }
            }
            inner.add(blocks);
        }
        return new ModelSpec.SubnetResNet(full.depth(), full.width(), stream, inner);
    }

    /**
     * The subnet of {@code arch} on the ResNet {@code full}, initialised from {@code seed} as any
     * network is.
     */
    public static Network build(ModelSpec.ResNet full, long[] sampleShape, int classes, long seed,
                                double labelSmoothing, Arch arch) {
        Architecture a = Models.build(full, sampleShape, classes, seed, labelSmoothing).architecture();
        arch.requireFits(a);
        return Models.build(spec(full, a, arch), sampleShape, classes, seed, labelSmoothing);
    }
}
