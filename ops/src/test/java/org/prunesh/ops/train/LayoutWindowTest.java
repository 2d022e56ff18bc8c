package org.prunesh.ops.train;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.data.Dataset;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.model.Slimming;
import org.prunesh.ops.model.samediff.BlockedWeights;
import org.prunesh.ops.prune.GradientScore;
import org.prunesh.ops.prune.MagnitudeScore;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.Selection;
import org.prunesh.ops.schedule.CubicSpec;
import org.prunesh.ops.schedule.StepClock;
import org.prunesh.ops.schedule.StepPoint;
import org.prunesh.ops.stp.ArchSpace;
import org.prunesh.ops.stp.ExpansionSampler;
import org.prunesh.ops.stp.Importance;
import org.prunesh.ops.stp.StimulativeTraining;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run whose convolution weights (with their masks and optimizer state) are held in oneDNN's
 * layout between pruning steps ({@link LayoutWindow}) against the same run held plain
 * ({@code -Dprunesh.weights=plain}): weights, batch-norm statistics and masks end bit for bit equal,
 * with FGGP pruning every third step, weight decay and Nesterov momentum, with Adam's two state
 * arrays, and with stimulative training's subnets and channel re-ranking; and the run hands its
 * network back plain.
 */
class LayoutWindowTest {

    @Test
    void fggpWithBlockedWeightsEqualsThePlainRunBitForBit() {
        check(TrainConfig.Optimizer.SGD, true);
    }

    @Test
    void adamsStateMovesWithItsWeight() {
        check(TrainConfig.Optimizer.ADAM, false);
    }

    /**
     * Stimulative training's hook re-ranks channels by the weights' L1 norms every 4 steps, so those
     * steps start plain; the subnet branches share each weight between three convolutions.
     */
    @Test
    void stimulativeTrainingRerankingSeesPlainWeights() {
        check(TrainConfig.Optimizer.SGD, false, true);
    }

    private static void check(TrainConfig.Optimizer optimizer, boolean prune) {
        check(optimizer, prune, false);
    }

    private static void check(TrainConfig.Optimizer optimizer, boolean prune, boolean stimulate) {
        long before = LayoutWindow.CONVERTED.get();
        Run plain = train(optimizer, prune, stimulate, true);
        assertEquals(before, LayoutWindow.CONVERTED.get());
        Run blocked = train(optimizer, prune, stimulate, false);
        // ResNet-20's 19 convolutions, put back plain at each pruning step and epoch end, and held again
        assertTrue(LayoutWindow.CONVERTED.get() - before >= 19 * 2, "converted " + (LayoutWindow.CONVERTED.get() - before));
        for (ParamInfo p : blocked.net.params()) assertFalse(BlockedWeights.blocked(blocked.net.array(p.name())), p.name());
        StepPlanTest.assertSameVariables(plain.net, blocked.net);
        assertEquals(plain.result.masks().names(), blocked.result.masks().names());
        for (String name : plain.result.masks().names()) {
            assertArrayEquals(plain.result.masks().mask(name).data().asFloat(),
                    blocked.result.masks().mask(name).data().asFloat(), name);
        }
        if (prune) assertTrue(blocked.result.masks().sparsity() > 0.5, "sparsity " + blocked.result.masks().sparsity());
    }

    private record Run(Network net, Trainer.Result result) {
    }

    private static Run train(TrainConfig.Optimizer optimizer, boolean prune, boolean stimulate, boolean plain) {
        SplittableRandom random = new SplittableRandom(3);
        Dataset data = new Dataset("img", StepPlanTest.images(random, 96), StepPlanTest.labels(96),
                StepPlanTest.images(random, 32), StepPlanTest.labels(32), 10, new long[]{3, 16, 16});
        Network net = stimulate
                ? Models.build(new ModelSpec.ResNet(20, 1.0), data.sampleShape(), 10, 4, 0, new Slimming(2, 1, 4))
                : Models.build(new ModelSpec.ResNet(20, 1.0), data.sampleShape(), 10, 4, 0);
        List<String> prunable = Exclusions.DEFAULT.prunable(net.params()).stream().map(ParamInfo::name).toList();
        // 6 steps an epoch: pruning after steps 3, 6 and 9 (plain), the others held blocked
        TrainConfig config = new TrainConfig(2, 16, optimizer, optimizer == TrainConfig.Optimizer.SGD ? 0.05 : 0.001,
                0.9, true, 5e-4, 0);
        StepClock clock = StepClock.of(data.trainSize(), config.batch(), config.epochs());
        PruningPlan plan = !prune ? null : new PruningPlan(new CubicSpec(0, 0.8, new StepPoint.Steps(3),
                new StepPoint.Steps(9), new StepPoint.Steps(3), 3).resolve(clock),
                Selection.of(new GradientScore(), 0.5, new MagnitudeScore()), Scope.GLOBAL, prunable);
        String was = System.getProperty(LayoutWindow.PROPERTY);
        try {
            if (plain) System.setProperty(LayoutWindow.PROPERTY, "plain");
            else System.clearProperty(LayoutWindow.PROPERTY);
            Trainer trainer = new Trainer(net, data, config, plan, 5, "w");
            if (stimulate) {
                ArchSpace space = new ArchSpace(List.of(new ArchSpace.DepthRange(1, 3), new ArchSpace.DepthRange(1, 3),
                        new ArchSpace.DepthRange(1, 3)), List.of(0.25, 0.5, 0.75, 1.0), false);
                trainer.withStepHook(new StimulativeTraining(net,
                        new ExpansionSampler(space, net.architecture(), 0.35, 0.5), Importance.L1, 4, 7));
            }
            Trainer.Result r = trainer.train(TrainingObserver.NONE, () -> false);
            assertEquals(12, r.steps());
            return new Run(net, r);
        } finally {
            if (was == null) System.clearProperty(LayoutWindow.PROPERTY);
            else System.setProperty(LayoutWindow.PROPERTY, was);
        }
    }
}
