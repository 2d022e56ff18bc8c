package org.prunesh.interpreter.exec;

import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.interpreter.SessionListener;
import org.prunesh.ops.data.Dataset;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.run.RunDirectory;
import org.prunesh.ops.schedule.NoPruningSpec;
import org.prunesh.ops.schedule.SparsitySchedule;
import org.prunesh.ops.schedule.StepClock;
import org.prunesh.ops.train.EpochMetrics;
import org.prunesh.ops.train.PruningPlan;
import org.prunesh.ops.train.Trainer;
import org.prunesh.ops.train.TrainingObserver;
import org.prunesh.ops.train.TrainingProgress;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Carries out one {@code run}: build, train with pruning, persist the run directory, report. */
final class RunExecutor {

    private final DataCache dataCache;
    private final Path runsDir;
    private final SessionListener listener;

    RunExecutor(DataCache dataCache, Path runsDir, SessionListener listener) {
        this.dataCache = dataCache;
        this.runsDir = runsDir;
        this.listener = listener;
    }

    /** The step clock a state implies, known without loading data. */
    static StepClock clock(SessionState s) {
        return StepClock.of(s.data().trainSize(), s.train().batch(), s.train().epochs());
    }

    /** Resolves the state's schedule; throws IllegalArgumentException with a reason when it does not fit. */
    static SparsitySchedule schedule(SessionState s) {
        return s.schedule().resolve(clock(s));
    }

    RunRecord run(SessionState s, String name, String scriptText, BooleanSupplier cancelled) throws IOException {
        Dataset data = dataCache.load(s.data());
        Nd4j.getRandom().setSeed(s.seed());
        Network net = Models.build(s.model(), data.sampleShape(), data.numClasses(), s.seed(), s.train().labelSmoothing());
        List<String> prunable = s.exclusions().prunable(net.params()).stream().map(ParamInfo::name).toList();
        SparsitySchedule schedule = schedule(s);
        PruningPlan plan = s.schedule() instanceof NoPruningSpec ? null
                : new PruningPlan(schedule, s.selection(), s.scope(), prunable);

        try (RunDirectory dir = RunDirectory.create(runsDir, name, LocalDateTime.now())) {
            dir.writeText("script.prn", scriptText);
            dir.writeJson("config.json", RunConfig.of(name, s, schedule, prunable));
            TrainingObserver observer = new TrainingObserver() {
                @Override
                public void progress(TrainingProgress p) {
                    listener.progress(p);
                }

                @Override
                public void epochFinished(EpochMetrics m) {
                    dir.appendMetrics(m);
                }
            };
            Trainer.Result result = new Trainer(net, data, s.train(), plan, s.seed(), name).train(observer, cancelled);
            LayerTable layers = LayerTable.of(net, result.masks());
            dir.writeText("layers.txt", layers.render());
            dir.writeJson("summary.json", RunSummary.of(name, result, layers));
            listener.output(Reports.runFinished(name, dir.path(), result, layers));
            return new RunRecord(name, dir.path(), net, data, result, layers);
        }
    }
}
