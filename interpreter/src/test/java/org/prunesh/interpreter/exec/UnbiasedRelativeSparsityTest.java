package org.prunesh.interpreter.exec;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.data.Dataset;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.Slimming;
import org.prunesh.ops.stp.Arch;
import org.prunesh.ops.stp.RelativeSparsity;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Extraction's unbiased relative sparsity rebuilds the run's initialisation from its seed (and the
 * stimulative training's branches): on a network that has not trained, trained and initial ratios
 * are the same number; once a weight moves, they differ.
 */
class UnbiasedRelativeSparsityTest {

    private static final long[] SHAPE = {1, 8, 8};

    @Test
    void anUntrainedRunsRatioIsItsInitialisationsAndATrainedOneDiffers() throws StatementError {
        Slimming stp = new Slimming(2, 1.0, 1.0);
        Nd4j.getRandom().setSeed(7);
        Network net = Models.build(new ModelSpec.ResNet(20, 0.25), SHAPE, 3, 7, 0, stp);
        Dataset data = new Dataset("tiny", Nd4j.zeros(DataType.FLOAT, 4, 1, 8, 8), Nd4j.zeros(DataType.FLOAT, 4, 3),
                Nd4j.zeros(DataType.FLOAT, 2, 1, 8, 8), Nd4j.zeros(DataType.FLOAT, 2, 3), 3, SHAPE);
        RunRecord run = new RunRecord("r", null, net, data, null, null);
        Network searchable = StpExecutor.searchable(net);
        Arch arch = Arch.coupled(searchable.architecture(), List.of(1, 2, 3), List.of(0.5, 0.75, 0.25));

        RelativeSparsity.Paired same = StpExecutor.unbiased(run, searchable, arch, 7);
        assertEquals(same.untrained().overall().ratio(), same.trained().overall().ratio(), 0.0);

        // another seed builds other initial weights
        RelativeSparsity.Paired other = StpExecutor.unbiased(run, searchable, arch, 8);
        assertNotEquals(other.untrained().overall().ratio(), other.trained().overall().ratio());

        // a weight that moved (the stem convolution halved) is seen on the trained side only
        searchable.array("conv1.weight").muli(0.5);
        RelativeSparsity.Paired moved = StpExecutor.unbiased(run, searchable, arch, 7);
        assertNotEquals(moved.untrained().overall().keptMeanAbs(), moved.trained().overall().keptMeanAbs());
    }
}
