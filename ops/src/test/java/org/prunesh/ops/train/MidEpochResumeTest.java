package org.prunesh.ops.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.prunesh.ops.data.Augmentation;
import org.prunesh.ops.data.DataSpec;
import org.prunesh.ops.data.Dataset;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.prune.Anneal;
import org.prunesh.ops.prune.MagnitudeScore;
import org.prunesh.ops.prune.GradientScore;
import org.prunesh.ops.prune.PruneRequest;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.ScoreSpec;
import org.prunesh.ops.prune.Scores;
import org.prunesh.ops.prune.Selection;
import org.prunesh.ops.prune.Stage;
import org.prunesh.ops.prune.regrow.RegrowthPlan;
import org.prunesh.ops.schedule.CubicSpec;
import org.prunesh.ops.schedule.SparsitySchedule;
import org.prunesh.ops.schedule.StepClock;
import org.prunesh.ops.schedule.StepPoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run cancelled between two steps of an epoch (how a signal or Ctrl-C stops it) is checkpointed
 * at that step, and the run resumed from the file in a fresh network ends bit for bit where the
 * uninterrupted run ends: weights, optimizer state, masks, and every epoch's metrics.
 */
class MidEpochResumeTest {

    /** 512 samples in batches of 64: 8 steps an epoch, 24 in all. */
    private static final DataSpec.Synthetic DATA = new DataSpec.Synthetic(512, 128, 16, 4, 1.0, 3);
    private static final int STEPS_PER_EPOCH = 8;
    private static final TrainConfig SGD = new TrainConfig(3, 64, TrainConfig.Optimizer.SGD, 0.05, 0.9, true,
            1e-3, 0, new LrSchedule.MultiStep(LrSchedule.MultiStep.epochs(2), 0.1, new StepPoint.Steps(3)),
            Augmentation.NONE);
    private static final TrainConfig ADAM = new TrainConfig(3, 64, TrainConfig.Optimizer.ADAM, 0.01, 0, false,
            5e-4, 0.1, new LrSchedule.MultiStep(LrSchedule.MultiStep.epochs(2), 0.1, new StepPoint.Steps(3)),
            new Augmentation(1, true));

    @TempDir
    Path dir;

    /**
     * Pruning every 3 steps from step 2 (2, 5, 8, ..., 17), by criteria that carry state across
     * steps (a 3-step gradient window, movement sums); stopped at step 11, inside epoch 2.
     */
    @Test
    void stoppedInsideAnEpochResumesAtThatStepToTheUninterruptedResult() throws IOException {
        Checkpoint c = interruptAndCompare(new Setup(SGD, false, false), 11);
        assertEquals(1, c.epochsDone());
        assertEquals(11, c.step());
        assertEquals(3, c.inEpoch().batchesDone());
        assertEquals(3, c.inEpoch().lossCount());
        assertEquals(1, c.finished().size());
    }

    @Test
    void stoppedOnAStepThatPrunesNotHere() throws IOException {
        interruptAndCompare(new Setup(SGD, false, false), 12);
    }

    /** The epoch's batches are all done but it was not evaluated: the resumed run evaluates it at once. */
    @Test
    void stoppedAfterTheLastBatchOfAnEpochBeforeItsEvaluation() throws IOException {
        Checkpoint c = interruptAndCompare(new Setup(SGD, false, false), 16);
        assertEquals(1, c.epochsDone());
        assertEquals(STEPS_PER_EPOCH, c.inEpoch().batchesDone());
    }

    @Test
    void stoppedAfterTheFirstStep() throws IOException {
        Checkpoint c = interruptAndCompare(new Setup(SGD, false, false), 1);
        assertEquals(0, c.epochsDone());
        assertEquals(1, c.inEpoch().batchesDone());
    }

    /**
     * Adam (bias correction reads the step), label smoothing, augmented images (crops and flips drawn
     * per batch), an annealed pool and GraNet regrowth every 4 steps whose drop fraction anneals.
     */
    @Test
    void adamAugmentationAnnealedPoolAndRegrowthResumeExactly() throws IOException {
        interruptAndCompare(new Setup(ADAM, true, true), 13);
    }

    @Test
    void aCheckpointFromAnotherBatchSizeIsRefused() throws IOException {
        Setup setup = new Setup(SGD, false, false);
        Dataset data = setup.data();
        Path file = dir.resolve("checkpoint.bin");
        Trainer.Result stopped = setup.trainer(Models.build(spec(), data.sampleShape(), 4, 7, 0), data)
                .train(CheckpointFileObserver.writingTo(file), stopAfter(11));
        assertTrue(stopped.cancelled());
        TrainConfig other = new TrainConfig(3, 32, TrainConfig.Optimizer.SGD, 0.05, 0.9, true, 1e-3, 0);
        Network fresh = Models.build(spec(), data.sampleShape(), 4, 7, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Setup(other, false, false).trainer(fresh, data).train(TrainingObserver.NONE, () -> false,
                        Checkpoint.read(file)));
        assertEquals("the checkpoint is at step 11, but 1 epochs of 16 steps and 3 batches make 19: it was written"
                + " by another training configuration", e.getMessage());
    }

    /**
     * Trains straight through, and stopped after {@code stopStep} then resumed from the file; returns
     * the checkpoint it stopped with. The schedule prunes at steps 2, 5, 8, 11, 14, 17 and 19.
     */
    private Checkpoint interruptAndCompare(Setup setup, int stopStep) throws IOException {
        Dataset data = setup.data();
        Network straight = Models.build(spec(), data.sampleShape(), 4, 7, 0);
        Trainer.Result whole = setup.trainer(straight, data).train(TrainingObserver.NONE, () -> false);
        assertEquals(24, whole.steps());
        assertEquals(List.of(2L, 5L, 8L, 11L, 14L, 17L, 19L), setup.plan(straight, data).schedule().pruningSteps());

        Path file = dir.resolve("checkpoint.bin");
        Network first = Models.build(spec(), data.sampleShape(), 4, 7, 0);
        Trainer.Result stopped = setup.trainer(first, data).train(CheckpointFileObserver.writingTo(file), stopAfter(stopStep));
        assertTrue(stopped.cancelled());
        assertEquals(stopStep, stopped.steps());
        Checkpoint saved = Checkpoint.read(file);
        assertEquals(stopStep, saved.step());
        assertEquals(stopStep - saved.epochsDone() * STEPS_PER_EPOCH, saved.inEpoch().batchesDone());

        // a new process: a freshly built (differently initialised) network, state from disk
        Network second = Models.build(spec(), data.sampleShape(), 4, 99, 0);
        Path endFile = dir.resolve("end.bin");
        Trainer.Result resumed = setup.trainer(second, data).train(CheckpointFileObserver.writingTo(endFile), () -> false, saved);

        assertEquals(whole.steps(), resumed.steps());
        assertEquals(withoutTimes(whole.epochs()), withoutTimes(resumed.epochs()));
        assertEquals(whole.masks().sparsity(), resumed.masks().sparsity());
        Checkpoint a = Checkpoint.of(straight, whole.masks(), whole);
        Checkpoint b = Checkpoint.read(endFile);
        assertNull(b.inEpoch());
        assertSame(a.masks(), b.masks(), "mask");
        assertSame(a.variables(), b.variables(), "variable");
        assertEquals(a.optimizer().keySet(), b.optimizer().keySet());
        for (String k : a.optimizer().keySet()) assertSame(a.optimizer().get(k), b.optimizer().get(k), "optimizer " + k);
        return saved;
    }

    private static void assertSame(Map<String, INDArray> a, Map<String, INDArray> b, String what) {
        assertEquals(a.keySet(), b.keySet(), what);
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k).dup().data().asDouble(), b.get(k).dup().data().asDouble(), 0.0, what + " " + k);
        }
    }

    /** Everything an epoch measures except its wall time. */
    private static List<List<Double>> withoutTimes(List<EpochMetrics> epochs) {
        return epochs.stream().map(m -> List.of((double) m.epoch(), (double) m.step(), m.trainLoss(), m.testLoss(),
                m.testAccuracy(), m.sparsity(), m.lr())).toList();
    }

    /** The cancel flag as a signal sets it: asked after each step, true after the {@code step}th. */
    private static java.util.function.BooleanSupplier stopAfter(int step) {
        AtomicInteger asked = new AtomicInteger();
        return () -> asked.incrementAndGet() >= step;
    }

    private static ModelSpec spec() {
        return new ModelSpec.Mlp(List.of(32, 16), 1.0);
    }

    /**
     * @param images    the synthetic samples viewed as 1x4x4 images (so that they can be augmented)
     * @param regrowing an annealed magnitude pool then gradient, with GraNet regrowth; else stateful criteria
     */
    private record Setup(TrainConfig config, boolean images, boolean regrowing) {

        Dataset data() {
            Dataset d = DATA.load();
            if (!images) return d;
            return new Dataset(d.name(), d.trainX(), d.trainY(), d.testX(), d.testY(), d.numClasses(),
                    new long[]{1, 4, 4});
        }

        PruningPlan plan(Network net, Dataset data) {
            List<String> prunable = Exclusions.DEFAULT.prunable(net.params()).stream().map(ParamInfo::name).toList();
            StepClock clock = StepClock.of(data.trainSize(), config.batch(), config.epochs());
            SparsitySchedule schedule = new CubicSpec(0, 0.8, new StepPoint.Steps(2), new StepPoint.Percent(80),
                    new StepPoint.Steps(3), 3).resolve(clock);
            if (!regrowing) {
                Selection stateful = new Selection(List.of(
                        Stage.of(Scores.create(new ScoreSpec("gradient", new ScoreSpec.Mean(3)), 5), 0.5),
                        Stage.of(Scores.create(ScoreSpec.of("random"), 5), 0.8),
                        Stage.last(Scores.create(ScoreSpec.of("movement"), 5))));
                return new PruningPlan(schedule, stateful, Scope.GLOBAL, prunable);
            }
            Selection granet = new Selection(List.of(Stage.annealed(new MagnitudeScore(), Anneal.COSINE, 0.5, 0.005),
                    Stage.last(new GradientScore())));
            return new PruningPlan(schedule, PruneRequest.of(granet, Scope.GLOBAL), prunable, 1,
                    new RegrowthPlan(4, 20, 4, 0.3, Anneal.COSINE), null);
        }

        Trainer trainer(Network net, Dataset data) {
            return new Trainer(net, data, config, plan(net, data), 5, "r");
        }
    }
}
