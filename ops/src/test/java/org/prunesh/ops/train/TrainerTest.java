package org.prunesh.ops.train;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.prunesh.ops.data.DataSpec;
import org.prunesh.ops.data.Augmentation;
import org.prunesh.ops.data.Dataset;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.prune.DensityBounds;
import org.prunesh.ops.prune.GradientScore;
import org.prunesh.ops.prune.Granularity;
import org.prunesh.ops.prune.MagnitudeScore;
import org.prunesh.ops.prune.PruneRequest;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.Selection;
import org.prunesh.ops.schedule.CubicSpec;
import org.prunesh.ops.schedule.SparsitySchedule;
import org.prunesh.ops.schedule.StepClock;
import org.prunesh.ops.schedule.StepPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {

    private static final DataSpec.Synthetic DATA = new DataSpec.Synthetic(1024, 512, 16, 4, 1.0, 3);

    @Test
    void fggpReachesTheScriptedSparsityExactlyAndLearns() {
        Dataset data = DATA.load();
        Network net = Models.build(new ModelSpec.Mlp(List.of(64, 32), 1.0), data.sampleShape(), 4, 11, 0);
        List<String> prunable = Exclusions.DEFAULT.prunable(net.params()).stream().map(ParamInfo::name).toList();
        TrainConfig config = new TrainConfig(4, 64, TrainConfig.Optimizer.SGD, 0.05, 0.9, false, 0, 0);
        StepClock clock = StepClock.of(data.trainSize(), config.batch(), config.epochs());
        SparsitySchedule schedule = new CubicSpec(0, 0.9, new StepPoint.Steps(0), new StepPoint.Percent(75),
                new StepPoint.Steps(8), 3).resolve(clock);
        Selection fggp = Selection.of(new GradientScore(), 0.5, new MagnitudeScore());
        PruningPlan plan = new PruningPlan(schedule, fggp, Scope.GLOBAL, prunable);
        List<EpochMetrics> seen = new ArrayList<>();

        Trainer.Result r = new Trainer(net, data, config, plan, 5, "t").train(new TrainingObserver() {
            @Override public void progress(TrainingProgress p) { }
            @Override public void epochFinished(EpochMetrics m) { seen.add(m); }
        }, () -> false);

        assertFalse(r.cancelled());
        assertEquals(64, r.steps());
        assertEquals(4, seen.size());
        long total = r.masks().total();
        assertEquals(16 * 64 + 64 * 32 + 32 * 4, total);
        // chance is 0.25 on 4 classes
        // target 0.9 of 3200 prunable weights: exactly 320 stay active
        assertEquals(320, r.masks().active());
        long zeros = 0;
        for (String name : prunable) {
            for (float w : net.array(name).dup().data().asFloat()) if (w == 0f) zeros++;
        }
        assertEquals(2880, zeros);
        assertTrue(seen.get(3).testAccuracy() > 0.4, "accuracy " + seen.get(3).testAccuracy());
    }

    @Test
    void channelPruningRemovesWholeUnitsWithTheirBiases() {
        Dataset data = DATA.load();
        Network net = Models.build(new ModelSpec.Mlp(List.of(8), 1.0), data.sampleShape(), 4, 11, 0);
        // fc1 [16, 8] prunable, its bias excluded but following its channels; the classifier excluded.
        List<String> prunable = List.of("fc1.weight");
        TrainConfig config = new TrainConfig(2, 64, TrainConfig.Optimizer.SGD, 0.05, 0.9, false, 0, 0);
        StepClock clock = StepClock.of(data.trainSize(), config.batch(), config.epochs());
        SparsitySchedule schedule = new CubicSpec(0, 0.5, new StepPoint.Steps(0), new StepPoint.Steps(8),
                new StepPoint.Steps(8), 3).resolve(clock);
        PruningPlan plan = new PruningPlan(schedule, new PruneRequest(Selection.of(new MagnitudeScore()), Scope.GLOBAL,
                new Granularity.Channel(Granularity.Norm.L2), DensityBounds.NONE), prunable, 1, null, null);

        Trainer.Result r = new Trainer(net, data, config, plan, 5, "t").train(new TrainingObserver() {
            @Override public void progress(TrainingProgress p) { }
            @Override public void epochFinished(EpochMetrics m) { }
        }, () -> false);

        // Half of the 8 units are gone: their columns of fc1 and their biases, kept zero through training.
        float[] columns = r.masks().mask("fc1.weight").max(0).toFloatVector();
        float[] bias = net.array("fc1.bias").toFloatVector();
        int removed = 0;
        for (int c = 0; c < 8; c++) {
            if (columns[c] == 0) {
                removed++;
                assertEquals(0f, bias[c], "bias of removed unit " + c);
            }
        }
        assertEquals(4, removed);
        assertEquals(64, r.masks().active());
    }

    @Test
    void sameSeedGivesTheSameWeights() {
        INDArray a = trainDense(21);
        INDArray b = trainDense(21);
        assertEquals(a, b);
    }

    @Test
    void cancellingKeepsFinishedEpochs() {
        Dataset data = DATA.load();
        Network net = Models.build(new ModelSpec.Mlp(List.of(16), 1.0), data.sampleShape(), 4, 1, 0);
        TrainConfig config = new TrainConfig(3, 64, TrainConfig.Optimizer.SGD, 0.05, 0, false, 0, 0);
        int[] asked = {0};
        // the trainer asks once per step; step 20 lies in the second of three 16-step epochs
        Trainer.Result r = new Trainer(net, data, config, null, 1, "c")
                .train(TrainingObserver.NONE, () -> ++asked[0] >= 20);
        assertTrue(r.cancelled());
        assertEquals(20, r.steps());
        assertEquals(1, r.epochs().size());
    }

    @Test
    void oneStepMatchesHandSgdWithWeightDecayOnWeightsOnlyAndReportsTheBatchLoss() {
        Dataset data = new DataSpec.Synthetic(64, 64, 16, 4, 1.0, 3).load();
        Network net = Models.build(new ModelSpec.Mlp(List.of(8), 1.0), data.sampleShape(), 4, 2, 0);
        Network before = Models.copyOf(net);
        Map<String, INDArray> g = Models.copyOf(net).graph().calculateGradients(
                Map.of(Network.INPUT, data.trainX(), Network.LABEL, data.trainY()), "fc1.weight", "fc1.bias");
        double wd = 0.01;
        // two warm-up steps: the first step runs at half the base rate of 0.2; momentum's first
        // step equals plain SGD, so this also checks that SgdMomentum reads the scheduled rate
        TrainConfig config = new TrainConfig(1, 64, TrainConfig.Optimizer.SGD, 0.2, 0.5, false, wd, 0,
                new LrSchedule.Constant(new org.prunesh.ops.schedule.StepPoint.Steps(2)), Augmentation.NONE);
        double lr = 0.1;

        Trainer.Result r = new Trainer(net, data, config, null, 1, "wd").train(TrainingObserver.NONE, () -> false);

        INDArray w0 = before.array("fc1.weight");
        INDArray expectedW = w0.sub(g.get("fc1.weight").add(w0.mul(wd)).mul(lr));
        INDArray expectedB = before.array("fc1.bias").sub(g.get("fc1.bias").mul(lr));
        assertEquals(0, expectedW.sub(net.array("fc1.weight")).amaxNumber().doubleValue(), 1e-6);
        assertEquals(0, expectedB.sub(net.array("fc1.bias")).amaxNumber().doubleValue(), 1e-6);
        // the reported train loss is the batch's cross-entropy at the weights before the update
        double initialLoss = Evaluator.evaluate(before, data.trainX(), data.trainY(), 64).loss();
        assertEquals(initialLoss, r.epochs().get(0).trainLoss(), 1e-5);
    }

    @Test
    void evaluationInSeveralBatchesEqualsOneBatch() {
        Dataset data = DATA.load();
        Network net = Models.build(new ModelSpec.Mlp(List.of(16), 1.0), data.sampleShape(), 4, 9, 0);
        Evaluator.Result whole = Evaluator.evaluate(net, data.testX(), data.testY(), 512);
        Evaluator.Result parts = Evaluator.evaluate(net, data.testX(), data.testY(), 100);
        assertEquals(whole.accuracy(), parts.accuracy());
        assertEquals(whole.loss(), parts.loss(), 1e-6);
    }

    @Test
    void epochMetricsCarryTheScheduledRate() {
        Dataset data = DATA.load();
        Network net = Models.build(new ModelSpec.Mlp(List.of(8), 1.0), data.sampleShape(), 4, 1, 0);
        TrainConfig config = new TrainConfig(3, 256, TrainConfig.Optimizer.SGD, 0.1, 0.9, false, 0, 0,
                new LrSchedule.MultiStep(LrSchedule.MultiStep.epochs(1, 2), 0.1, LrSchedule.NO_WARMUP), Augmentation.NONE);
        Trainer.Result r = new Trainer(net, data, config, null, 1, "lr").train(TrainingObserver.NONE, () -> false);
        assertEquals(0.1, r.epochs().get(0).lr(), 1e-12);
        assertEquals(0.01, r.epochs().get(1).lr(), 1e-12);
        assertEquals(0.001, r.epochs().get(2).lr(), 1e-12);
    }

    private INDArray trainDense(long seed) {
        Dataset data = DATA.load();
        Network net = Models.build(new ModelSpec.Mlp(List.of(16), 1.0), data.sampleShape(), 4, seed, 0);
        TrainConfig config = new TrainConfig(1, 64, TrainConfig.Optimizer.SGD, 0.05, 0.9, true, 1e-4, 0);
        new Trainer(net, data, config, null, seed, "d").train(TrainingObserver.NONE, () -> false);
        return net.array("fc1.weight").dup();
    }
}
