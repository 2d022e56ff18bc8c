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
import org.prunesh.ops.prune.GradientScore;
import org.prunesh.ops.prune.MagnitudeScore;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.ScoreSpec;
import org.prunesh.ops.prune.Scores;
import org.prunesh.ops.prune.Selection;
import org.prunesh.ops.prune.Stage;
import org.prunesh.ops.schedule.CubicSpec;
import org.prunesh.ops.schedule.StepClock;
import org.prunesh.ops.schedule.StepPoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResumeTest {

    private static final DataSpec.Synthetic DATA = new DataSpec.Synthetic(512, 128, 16, 4, 1.0, 3);
    private static final TrainConfig CONFIG = new TrainConfig(3, 64, TrainConfig.Optimizer.SGD, 0.05, 0.9, true,
            1e-3, 0, new LrSchedule.MultiStep(LrSchedule.MultiStep.epochs(2), 0.1, new StepPoint.Steps(3)), Augmentation.NONE);

    @TempDir
    Path dir;

    @Test
    void resumingFromTheFirstEpochsCheckpointEndsWhereAnUninterruptedRunEnds() throws IOException {
        resumeEqualsUninterrupted(() -> Selection.of(new GradientScore(), 0.5, new MagnitudeScore()));
    }

    /** Criteria that carry state across steps: their state is in the checkpoint too. */
    @Test
    void statefulCriteriaResumeExactly() throws IOException {
        resumeEqualsUninterrupted(() -> new Selection(List.of(
                Stage.of(Scores.create(new ScoreSpec("gradient", new ScoreSpec.Mean(3)), 5), 0.5),
                Stage.of(Scores.create(ScoreSpec.of("random"), 5), 0.8),
                Stage.last(Scores.create(ScoreSpec.of("movement"), 5)))));
    }

    private void resumeEqualsUninterrupted(java.util.function.Supplier<Selection> selection) throws IOException {
        this.selection = selection;
        Dataset data = DATA.load();
        Network straight = Models.build(spec(), data.sampleShape(), 4, 7, 0);
        Trainer.Result whole = trainer(straight, data).train(TrainingObserver.NONE, () -> false);

        // the interrupted run: stops (like a kill) right after epoch 1's checkpoint is written
        Network first = Models.build(spec(), data.sampleShape(), 4, 7, 0);
        Path file = dir.resolve("checkpoint.bin");
        Trainer.Result stopped = trainer(first, data).train(CheckpointFileObserver.stoppingAfterFirst(file), () -> false);
        assertTrue(stopped.cancelled());

        // a new process: a freshly built (differently initialised) network, state from disk
        Network second = Models.build(spec(), data.sampleShape(), 4, 99, 0);
        Trainer.Result resumed = trainer(second, data).train(TrainingObserver.NONE, () -> false, Checkpoint.read(file));

        assertEquals(whole.steps(), resumed.steps());
        assertEquals(3, resumed.epochs().size());
        assertEquals(whole.epochs().get(2).testAccuracy(), resumed.epochs().get(2).testAccuracy());
        assertEquals(whole.masks().active(), resumed.masks().active());
        for (ParamInfo p : straight.params()) {
            INDArray a = straight.array(p.name());
            INDArray b = second.array(p.name());
            assertEquals(0, a.sub(b).amaxNumber().doubleValue(), 1e-6, p.name());
        }
    }

    private static ModelSpec spec() {
        return new ModelSpec.Mlp(List.of(32, 16), 1.0);
    }

    private java.util.function.Supplier<Selection> selection;

    private Trainer trainer(Network net, Dataset data) {
        List<String> prunable = Exclusions.DEFAULT.prunable(net.params()).stream().map(ParamInfo::name).toList();
        StepClock clock = StepClock.of(data.trainSize(), CONFIG.batch(), CONFIG.epochs());
        PruningPlan plan = new PruningPlan(new CubicSpec(0, 0.8, new StepPoint.Steps(2), new StepPoint.Percent(80),
                new StepPoint.Steps(3), 3).resolve(clock),
                selection.get(), Scope.GLOBAL, prunable);
        return new Trainer(net, data, CONFIG, plan, 5, "r");
    }
}
