package org.prunesh.interpreter.exec;

import org.prunesh.ops.stp.StimulusSpec;
import org.prunesh.results.LayerTable;
import org.prunesh.results.RunSummary;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.interpreter.SessionListener;
import org.prunesh.ops.data.Dataset;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.model.Flops;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.model.Slimming;
import org.prunesh.ops.stp.Arch;
import org.prunesh.ops.stp.ScratchModel;
import org.prunesh.ops.stp.StimulativeTraining;
import org.prunesh.ops.run.RunDirectory;
import org.prunesh.ops.prune.PruneRequest;
import org.prunesh.ops.schedule.SchedulePoint;
import org.prunesh.ops.schedule.SparsitySchedule;
import org.prunesh.ops.train.Checkpoint;
import org.prunesh.ops.train.EpochMetrics;
import org.prunesh.ops.train.PruningPlan;
import org.prunesh.ops.train.Trainer;
import org.prunesh.ops.train.TrainingObserver;
import org.prunesh.ops.train.TrainingProgress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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

    /**
     * The state with the network of {@code model ... arch NAME} as its model: the arch's own spec
     * ({@link ScratchModel}), so that the run is an ordinary training of it from fresh weights.
     * Throws IllegalArgumentException when the arch does not fit the model.
     */
    SessionState scratch(SessionState s) throws IOException {
        ArchValue value = s.stp().scratch();
        if (value == null) return s;
        if (!(s.model() instanceof ModelSpec.ResNet full)) {
            throw new IllegalArgumentException("an arch builds a basic-block ResNet, not " + s.model().name());
        }
        Dataset data = dataCache.load(s.data());
        Architecture a = Models.build(full, data.sampleShape(), data.numClasses(), s.seed(), 0).architecture();
        Arch arch = value.resolve(a);
        arch.requireFits(a);
        return s.withModel(ScratchModel.spec(full, a, arch));
    }

    /** Resolves the session's pruning setup for this network; throws IllegalArgumentException when it cannot hold. */
    static PruningPlan plan(SessionState s, Network net, SparsitySchedule schedule, List<String> prunable) {
        PruningState p = s.pruning();
        if (prunable.isEmpty()) throw new IllegalArgumentException("the exclusions leave no prunable tensor");
        PruneRequest request = new PruneRequest(p.selection().build(s.seed()), p.scope(), p.granularity(), p.bounds());
        double scale = 1;
        if (p.countAll()) {
            long all = net.params().stream().mapToLong(ParamInfo::size).sum();
            long some = net.params().stream().filter(i -> prunable.contains(i.name())).mapToLong(ParamInfo::size).sum();
            scale = (double) all / some;
            double highest = schedule.points().stream().mapToDouble(SchedulePoint::target).max().orElse(0);
            if (highest * scale > 1) {
                throw new IllegalArgumentException(String.format("count all: a sparsity of %s over all %,d parameters"
                        + " would need %.4f of the %,d prunable ones", highest, all, highest * scale, some));
            }
        }
        return new PruningPlan(schedule, request, prunable, scale,
                p.regrowth() == null ? null : p.regrowth().resolve(schedule.clock()), p.init());
    }

    /**
     * @param replay where this run stands in its script, recorded so {@code resume} can find it again
     * @param resumeDir an interrupted run's directory to continue, or null for a new run
     * @param reuseFinished take a finished run of the same name and configuration from disk instead
     *                      of training it again (a sweep restarted after an interruption, run --reuse)
     * @param inSweep       a run that diverges is reported and returned instead of ending the script
     *                      ({@link DivergedRun})
     */
    RunRecord run(SessionState s, String name, String scriptText, RunConfig.Replay replay, Path resumeDir,
                  boolean reuseFinished, boolean inSweep, BooleanSupplier cancelled) throws IOException {
        Dataset data = dataCache.load(s.data());
        Nd4j.getRandom().setSeed(s.seed());
        StimulusSpec stimulus = s.stp().stimulus();
        Network net = Models.build(s.model(), data.sampleShape(), data.numClasses(), s.seed(), s.train().labelSmoothing(),
                stimulus == null ? null : new Slimming(stimulus.subnets(), stimulus.lambda(), stimulus.temperature()));
        StimulativeTraining hook = stimulus == null ? null : StpLowering.hook(s, net, s.clock());
        List<String> prunable = s.pruning().exclusions().prunable(net.params()).stream().map(ParamInfo::name).toList();
        SparsitySchedule schedule = s.schedule();
        PruningPlan plan = s.pruning().prunes() ? plan(s, net, schedule, prunable) : null;

        if (reuseFinished) {
            RunRecord done = finishedTwin(s, name, net, data, schedule, prunable, replay, hook);
            if (done != null) return done;
        }
        Checkpoint from = null;
        if (resumeDir != null && Files.exists(resumeDir.resolve(RunDirectory.CHECKPOINT))) {
            from = Checkpoint.read(resumeDir.resolve(RunDirectory.CHECKPOINT));
        }
        // Failures of the runs directory are unchecked here: the caller reads an IOException as a data problem.
        RunDirectory dir;
        try {
            RunDirectory.requireSpace(resumeDir == null ? runsDir : resumeDir, spaceNeeded(net, s, prunable),
                    "a checkpoint of this model (kept while its successor is written)");
            dir = resumeDir == null ? RunDirectory.create(runsDir, name, LocalDateTime.now())
                    : RunDirectory.reopen(resumeDir, from == null ? 0 : from.epochsDone());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        try {
            return train(s, name, scriptText, replay, resumeDir, inSweep, cancelled, dir,
                    new Prepared(net, data, hook, plan, schedule, prunable, from));
        } catch (IOException | UncheckedIOException e) {
            throw dir.abandon(resumeDir == null, e);
        } finally {
            dir.closeQuietly();
        }
    }

    /**
     * Bytes a checkpoint of this model takes, twice (the previous one stays until its successor is
     * in place), plus room for the small files: every variable, the masks, and the optimizer's
     * per-weight state (one slot for momentum, two for Adam), as 32-bit floats.
     */
    private static long spaceNeeded(Network net, SessionState s, List<String> prunable) {
        long params = net.params().stream().mapToLong(ParamInfo::size).sum();
        long masked = net.params().stream().filter(p -> prunable.contains(p.name())).mapToLong(ParamInfo::size).sum();
        int slots = switch (s.train().optimizer()) {
            case ADAM -> 2;
            case SGD -> s.train().momentum() == 0 ? 0 : 1;
        };
        return 2 * 4 * (params * (1 + slots) + masked) + (256 << 10);
    }

    /** What a run trains, built before its directory exists. */
    private record Prepared(Network net, Dataset data, StimulativeTraining hook, PruningPlan plan,
                            SparsitySchedule schedule, List<String> prunable, Checkpoint from) {
    }

    /** Writes the directory's files, trains, and reports; a divergence outside a sweep is thrown. */
    private RunRecord train(SessionState s, String name, String scriptText, RunConfig.Replay replay, Path resumeDir,
                            boolean inSweep, BooleanSupplier cancelled, RunDirectory dir, Prepared p)
            throws IOException {
        Network net = p.net();
        Checkpoint from = p.from();
        StimulativeTraining hook = p.hook();
        if (resumeDir == null) {
            dir.writeText(RunDirectory.SCRIPT, scriptText);
            dir.writeJson(RunDirectory.CONFIG, RunConfig.of(name, s, p.schedule(), p.prunable(), replay));
        }
        AtomicReference<Checkpoint> written = new AtomicReference<>();
        TrainingObserver observer = new TrainingObserver() {
            @Override
            public void progress(TrainingProgress progress) {
                listener.progress(progress);
            }

            @Override
            public void epochFinished(EpochMetrics m) {
                dir.appendMetrics(m);
            }

            @Override
            public boolean wantsCheckpoints() {
                return true;
            }

            @Override
            public void checkpoint(Checkpoint c) {
                try {
                    c.write(dir.path().resolve(RunDirectory.CHECKPOINT));
                    written.set(c);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the checkpoint in " + dir.path() + ": "
                            + RunDirectory.reason(e), e);
                }
            }
        };
        if (from != null) listener.output("resuming '" + name + "' " + from.position(s.train().epochs()));
        Trainer.Result result = new Trainer(net, p.data(), s.train(), p.plan(), s.seed(), name)
                .withStepHook(hook).train(observer, cancelled, from);
        Checkpoint last = written.get();
        if (result.cancelled() && last != null && last.inEpoch() != null) {
            listener.output("stopped '" + name + "' with a checkpoint " + last.position(s.train().epochs())
                    + "; 'prune-sh resume " + dir.path() + "' continues from it");
        }
        LayerTable layers = LayerTable.of(net, result.masks());
        dir.writeText(RunDirectory.LAYERS, layers.render());
        if (result.diverged()) dir.appendMetrics(RunSummary.DivergenceLine.of(result.divergence()));
        dir.writeJson(RunDirectory.SUMMARY, RunSummary.of(name, result, layers,
                Flops.count(net, result.masks().activeCounts())));
        RunRecord record = new RunRecord(name, dir.path(), net, p.data(), result, layers,
                hook == null ? null : hook.order());
        if (!result.diverged()) {
            listener.output(Reports.runFinished(name, dir.path(), result, layers));
            return record;
        }
        String message = DivergedRun.message(name, dir.path(), result.divergence());
        if (!inSweep) throw new DivergedRun(message);
        listener.output(message + "; the sweep goes on\n");
        return record;
    }

    /**
     * A finished run directory (summary.json and final checkpoint present) with this name and the
     * same configuration, apart from provenance and replay position, loaded as the run's result.
     */
    private RunRecord finishedTwin(SessionState s, String name, Network net, Dataset data, SparsitySchedule schedule,
                                   List<String> prunable, RunConfig.Replay replay, StimulativeTraining hook)
            throws IOException {
        RunConfig config = RunConfig.of(name, s, schedule, prunable, replay);
        for (Path dir : RunDirectory.finished(runsDir, name, config, List.of("provenance", "replay"))) {
            Checkpoint c = Checkpoint.read(dir.resolve(RunDirectory.CHECKPOINT));
            if (c.epochsDone() != s.train().epochs()) continue;
            Trainer.Result result = c.restoreInto(net, prunable);
            LayerTable layers = LayerTable.of(net, result.masks());
            listener.output("'" + name + "' finished before in " + dir + "; taking its result");
            if (hook != null) hook.restore(c.states());
            return new RunRecord(name, dir, net, data, result, layers, hook == null ? null : hook.order());
        }
        return null;
    }
}
