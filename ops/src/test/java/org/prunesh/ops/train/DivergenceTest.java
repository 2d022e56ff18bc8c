package org.prunesh.ops.train;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.data.DataSpec;
import org.prunesh.ops.data.Dataset;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.prune.GradientScore;
import org.prunesh.ops.prune.MagnitudeScore;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run stops at the first non-finite loss (or weight after pruning) and keeps what came before. */
class DivergenceTest {

    private static final DataSpec.Synthetic DATA = new DataSpec.Synthetic(1024, 256, 16, 4, 1.0, 3);

    /** Records what the trainer reports, checkpoints included. */
    private static final class Recorder implements TrainingObserver {
        final List<EpochMetrics> epochs = new ArrayList<>();
        final List<Integer> checkpoints = new ArrayList<>();

        @Override public void progress(TrainingProgress p) { }
        @Override public void epochFinished(EpochMetrics m) { epochs.add(m); }
        @Override public boolean wantsCheckpoints() { return true; }
        @Override public void checkpoint(Checkpoint c) { checkpoints.add(c.epochsDone()); }
    }

    private static PruningPlan fggpTo90(Network net, Dataset data, TrainConfig config) {
        List<String> prunable = Exclusions.DEFAULT.prunable(net.params()).stream().map(ParamInfo::name).toList();
        StepClock clock = StepClock.of(data.trainSize(), config.batch(), config.epochs());
        SparsitySchedule schedule = new CubicSpec(0, 0.9, new StepPoint.Steps(0), new StepPoint.Percent(75),
                new StepPoint.Steps(1), 3).resolve(clock);
        return new PruningPlan(schedule, Selection.of(new GradientScore(), 0.5, new MagnitudeScore()), Scope.GLOBAL,
                prunable);
    }

    @Test
    void aHugeLearningRateStopsInTheFirstEpochWithTheLastFiniteLoss() {
        Dataset data = DATA.load();
        Network net = Models.build(new ModelSpec.Mlp(List.of(32), 1.0), data.sampleShape(), 4, 11, 0);
        TrainConfig config = new TrainConfig(3, 64, TrainConfig.Optimizer.SGD, 1e6, 0.9, false, 0, 0);
        Recorder seen = new Recorder();

        Trainer.Result r = new Trainer(net, data, config, fggpTo90(net, data, config), 5, "lr")
                .train(seen, () -> false);

        assertTrue(r.diverged());
        assertFalse(r.cancelled());
        Divergence d = r.divergence();
        assertEquals(1, d.epoch());
        assertEquals(r.steps(), d.step());
        assertEquals(d.step() - 1, d.lastFiniteStep());
        assertTrue(Double.isFinite(d.lastFiniteLoss()));
        assertEquals(1e6, d.lr());
        assertTrue(d.what().startsWith("the training loss is ") || d.what().endsWith(" after the pruning step"),
                d.what());
        assertTrue(d.message().startsWith("diverged at step " + d.step() + " (epoch 1): " + d.what()
                + "; the last finite loss was "), d.message());
        assertTrue(d.message().endsWith("; the learning rate was 1.00e+06 (a lower learning rate or a warm-up"
                + " usually helps)"), d.message());
        // nothing of the diverged epoch was evaluated or checkpointed
        assertEquals(List.of(), seen.epochs);
        assertEquals(List.of(), seen.checkpoints);
        assertEquals(List.of(), r.epochs());
    }

    @Test
    void aNaNInTheSecondEpochKeepsTheFirstEpochAndItsCheckpoint() {
        Dataset data = DATA.load();
        Network net = Models.build(new ModelSpec.Mlp(List.of(32), 1.0), data.sampleShape(), 4, 11, 0);
        TrainConfig config = new TrainConfig(3, 64, TrainConfig.Optimizer.SGD, 0.05, 0.9, false, 0, 0);
        String first = net.params().get(0).name();
        Recorder seen = new Recorder();
        // 16 steps per epoch: a weight turns NaN before step 20 (0-based), the 21st step
        StepHook poison = new StepHook() {
            @Override
            public void beforeStep(long step, long totalSteps) {
                if (step == 20) net.array(first).putScalar(0, Float.NaN);
            }

            @Override public Map<String, double[]> state() { return Map.of(); }
            @Override public void restore(Map<String, double[]> saved) { }
        };

        Trainer.Result r = new Trainer(net, data, config, null, 5, "nan").withStepHook(poison).train(seen, () -> false);

        assertEquals(new Divergence(21, 2, "the training loss is NaN", r.divergence().lastFiniteLoss(), 20, 0.05),
                r.divergence());
        assertEquals(List.of(1), seen.checkpoints);
        assertEquals(1, r.epochs().size());
        assertEquals(21, r.steps());
    }

    @Test
    void aFiniteRunHasNoDivergence() {
        Dataset data = DATA.load();
        Network net = Models.build(new ModelSpec.Mlp(List.of(16), 1.0), data.sampleShape(), 4, 11, 0);
        TrainConfig config = new TrainConfig(1, 64, TrainConfig.Optimizer.SGD, 0.05, 0.9, false, 0, 0);
        Trainer.Result r = new Trainer(net, data, config, fggpTo90(net, data, config), 5, "ok")
                .train(TrainingObserver.NONE, () -> false);
        assertNull(r.divergence());
        assertEquals(16, r.steps());
        // round(0.9 * 16 * 16 + 16 * 4) prunable weights pruned, exactly
        assertEquals(Math.round(0.9 * (16 * 16 + 16 * 4)), r.masks().total() - r.masks().active());
    }
}
