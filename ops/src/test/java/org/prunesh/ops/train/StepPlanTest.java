package org.prunesh.ops.train;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.data.Dataset;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.model.Slimming;
import org.prunesh.ops.prune.GradientScore;
import org.prunesh.ops.prune.MagnitudeScore;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.Selection;
import org.prunesh.ops.schedule.CubicSpec;
import org.prunesh.ops.schedule.StepClock;
import org.prunesh.ops.schedule.StepPoint;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replayed step ({@link StepPlan}) against the session it replaces: the same steps from the
 * same weights end bit for bit equal, on every kind of graph the models make (dense layers,
 * convolutions with and without bias, blocked stages with relayouts, batch norm, residual adds,
 * pooling), with momentum, and through the trainer with FGGP pruning, weight decay and batch-norm
 * statistics, whose listeners see every op's outputs.
 */
class StepPlanTest {

    @Test
    void replayedStepsEqualTheSessionsBitForBit() {
        assertReplayEqualsSession(new ModelSpec.Mlp(List.of(16), 1.0), new long[]{8});
        assertReplayEqualsSession(new ModelSpec.LeNet5(1.0), new long[]{1, 28, 28});
        assertReplayEqualsSession(new ModelSpec.ResNet(20, 1.0), new long[]{3, 16, 16});
        assertReplayEqualsSession(new ModelSpec.ResNet(20, 0.25), new long[]{3, 32, 32});
        assertReplayEqualsSession(new ModelSpec.Vgg19(0.0625), new long[]{3, 32, 32});
    }

    /** Stimulative training's graph: two subnet branches through channel masks, distilled from the full net. */
    @Test
    void aStimulativeTrainingStepReplaysTheSessionBitForBit() {
        long[] shape = {3, 16, 16};
        assertReplayEqualsSession(Models.build(new ModelSpec.ResNet(20, 0.5), shape, 10, 5, 0, new Slimming(2, 1, 4)),
                shape);
    }

    @Test
    void trainingWithPruningReplaysTheSessionBitForBit() {
        Network replayed = trainPruned(false);
        Network session = trainPruned(true);
        assertSameVariables(session, replayed);
    }

    private static Network trainPruned(boolean sessionOnly) {
        SplittableRandom random = new SplittableRandom(3);
        Dataset data = new Dataset("img", images(random, 96), labels(96), images(random, 32), labels(32), 10,
                new long[]{3, 16, 16});
        Network net = Models.build(new ModelSpec.ResNet(20, 1.0), data.sampleShape(), 10, 4, 0);
        List<String> prunable = Exclusions.DEFAULT.prunable(net.params()).stream().map(ParamInfo::name).toList();
        // 96 samples in batches of 32 and 40 do not divide: each epoch ends on a batch of 16 the session runs
        TrainConfig config = new TrainConfig(2, 40, TrainConfig.Optimizer.SGD, 0.05, 0.9, true, 5e-4, 0);
        StepClock clock = StepClock.of(data.trainSize(), config.batch(), config.epochs());
        PruningPlan plan = new PruningPlan(new CubicSpec(0, 0.8, new StepPoint.Steps(0), new StepPoint.Steps(4),
                new StepPoint.Steps(1), 3).resolve(clock),
                Selection.of(new GradientScore(), 0.5, new MagnitudeScore()), Scope.GLOBAL, prunable);
        String before = System.getProperty("prunesh.step");
        try {
            if (sessionOnly) System.setProperty("prunesh.step", "session");
            long replayed = StepPlan.REPLAYED.get();
            Trainer.Result r = new Trainer(net, data, config, plan, 5, "p").train(TrainingObserver.NONE, () -> false);
            assertEquals(6, r.steps());
            // each epoch: a recorded or replayed batch of 40, a replayed one, the last batch of 16 through the session
            assertEquals(sessionOnly ? 0 : 3, StepPlan.REPLAYED.get() - replayed);
        } finally {
            if (before == null) System.clearProperty("prunesh.step");
            else System.setProperty("prunesh.step", before);
        }
        return net;
    }

    private static void assertReplayEqualsSession(ModelSpec spec, long[] shape) {
        assertReplayEqualsSession(Models.build(spec, shape, 10, 5, 0), shape);
    }

    private static void assertReplayEqualsSession(Network replayed, long[] shape) {
        ModelSpec spec = replayed.spec();
        replayed.graph().setTrainingConfig(new TrainingConfig.Builder().updater(new SgdMomentum(0.05, 0.9, true))
                .dataSetFeatureMapping(Network.INPUT).dataSetLabelMapping(Network.LABEL).build());
        Network session = Models.copyOf(replayed);
        session.graph().setTrainingConfig(replayed.graph().getTrainingConfig());
        SessionStepper plan = new SessionStepper(replayed.graph());
        SessionStepper plain = new SessionStepper(session.graph());
        plain.sessionOnly();
        SplittableRandom random = new SplittableRandom(11);
        // the third batch has another size: the plan hands it to the session, then replays again
        int[] sizes = {4, 4, 3, 4};
        for (int i = 0; i < sizes.length; i++) {
            DataSet batch = batch(random, shape, sizes[i]);
            plan.step(batch, i);
            plain.step(batch, i);
            assertNull(plan.refusal(), spec + ": " + plan.refusal());
            assertTrue(plan.replaying(), spec + " does not replay");
            assertFalse(plain.replaying());
        }
        assertSameVariables(session, replayed);
    }

    /** Every trained parameter and graph constant (masks, batch-norm statistics), exactly. */
    static void assertSameVariables(Network expected, Network actual) {
        int compared = 0;
        for (SDVariable v : expected.graph().variables()) {
            if (v.getVariableType() != VariableType.VARIABLE && v.getVariableType() != VariableType.CONSTANT) continue;
            INDArray e = v.getArr();
            if (e == null || e.dataType() != DataType.FLOAT) continue;
            INDArray a = actual.graph().getArrForVarName(v.name());
            assertArrayEquals(e.dup().data().asFloat(), a.dup().data().asFloat(), 0f, v.name());
            compared++;
        }
        assertTrue(compared > 2, "compared " + compared);
    }

    private static DataSet batch(SplittableRandom random, long[] shape, int n) {
        long features = 1;
        for (long d : shape) features *= d;
        float[][] x = new float[n][(int) features];
        float[][] y = new float[n][10];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features; j++) x[i][j] = (float) (random.nextDouble() * 2 - 1);
            y[i][random.nextInt(10)] = 1f;
        }
        long[] full = new long[shape.length + 1];
        full[0] = n;
        System.arraycopy(shape, 0, full, 1, shape.length);
        return new DataSet(Nd4j.createFromArray(x).reshape(full), Nd4j.createFromArray(y));
    }

    static INDArray images(SplittableRandom random, int n) {
        float[] x = new float[n * 3 * 16 * 16];
        for (int i = 0; i < x.length; i++) x[i] = (float) (random.nextDouble() * 2 - 1);
        return Nd4j.createFromArray(x).reshape(n, 3 * 16 * 16);
    }

    static INDArray labels(int n) {
        float[][] y = new float[n][10];
        for (int i = 0; i < n; i++) y[i][(7 * i + 3) % 10] = 1f;
        return Nd4j.createFromArray(y);
    }
}
