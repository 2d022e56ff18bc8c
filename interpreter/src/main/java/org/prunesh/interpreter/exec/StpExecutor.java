package org.prunesh.interpreter.exec;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.prunesh.interpreter.SessionListener;
import org.prunesh.ops.data.Dataset;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.model.Flops;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.Slimming;
import org.prunesh.ops.run.RunDirectory;
import org.prunesh.ops.stp.Arch;
import org.prunesh.ops.stp.ArchSearch;
import org.prunesh.ops.stp.ArchSpace;
import org.prunesh.ops.stp.CandidateEvaluator;
import org.prunesh.ops.stp.ChannelOrder;
import org.prunesh.ops.stp.EvolutionarySearch;
import org.prunesh.ops.stp.RandomSearch;
import org.prunesh.ops.stp.RelativeSparsity;
import org.prunesh.ops.stp.SubnetLayout;
import org.prunesh.ops.stp.UniformWidth;
import org.prunesh.ops.train.EpochMetrics;
import org.prunesh.ops.train.Evaluator;
import org.prunesh.ops.train.MaskState;
import org.prunesh.ops.train.Trainer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Carries out {@code search} and {@code extract}: candidate subnets of the last run's network are
 * scored by KD loss on held-out data after batch-norm recalibration, and a chosen one is cut out
 * as a physically smaller network, evaluated on the test set without fine-tuning and saved.
 */
final class StpExecutor {

    static final int DEFAULT_HELD_OUT_BATCHES = org.prunesh.ops.stp.Scoring.DEFAULT_HELD_OUT_BATCHES;
    static final int DEFAULT_CALIBRATION_BATCHES = org.prunesh.ops.stp.Scoring.DEFAULT_CALIBRATION_BATCHES;
    static final int DEFAULT_POPULATION = 16;
    static final int DEFAULT_GENERATIONS = 8;
    static final double DEFAULT_MUTATION = 0.2;
    static final double DEFAULT_CROSSOVER = 0.5;
    static final int DEFAULT_SAMPLES = 128;
    /** KD scores of candidates compare predictive distributions as they are (T = 1). */
    static final double SEARCH_TEMPERATURE = org.prunesh.ops.stp.Scoring.DEFAULT_TEMPERATURE;

    private final Path runsDir;
    private final ModelStore store;
    private final SessionListener listener;

    StpExecutor(Path runsDir, ModelStore store, SessionListener listener) {
        this.runsDir = runsDir;
        this.store = store;
        this.listener = listener;
    }

    ArchValue search(Step.Search st, SessionState s) throws StatementError {
        RunRecord run = s.lastRun();
        StpState stp = s.stp();
        SearchSpec o = st.spec();
        String strategy = o.strategy();
        long seed = o.seed() == null ? s.seed() : o.seed();
        long started = System.nanoTime();
        Network net = searchable(run.network());
        Architecture a = net.architecture();
        try {
            stp.space().requireFits(a);
        } catch (IllegalArgumentException e) {
            throw new StatementError(st.span(), e.getMessage());
        }
        SplittableRandom rng = new SplittableRandom(seed);
        ArchValue found;
        try (CandidateEvaluator scorer = evaluator(st, s, run, net)) {
            found = switch (strategy) {
                case "uniform" -> scored(UniformWidth.largestUnder(a, stp.budget()), run, strategy, scorer);
                case "sample" -> scored(stp.space().sampleUnder(a, stp.budget(), rng, ArchSpace.TRIES * 100), run,
                        strategy, scorer);
                default -> {
                    ArchSearch search = strategy.equals("random")
                            ? new RandomSearch(stp.space(), a, stp.budget(), o.samples())
                            : new EvolutionarySearch(stp.space(), a, stp.budget(),
                            o.population(), o.generations(), o.mutation(), o.crossover());
                    ArchSearch.Result r = search.search(scorer, rng);
                    listener.output("search " + strategy + ": " + r.evaluated() + " candidates scored");
                    yield ArchValue.searched(r.best(), run, strategy, r.score());
                }
            };
        } catch (IllegalArgumentException e) {
            throw new StatementError(st.span(), "search " + strategy + ": " + e.getMessage());
        }
        Arch arch = found.searched();
        SubnetLayout layout = SubnetLayout.of(a, arch);
        listener.output(String.format("%s = %s%n  %.1f%% of the FLOPs (%,d of %,d MACs), %,d parameters, KD %.4f on held-out data; %.1f s",
                st.as(), arch.literal(a), 100 * layout.macsFraction(), layout.macs(), layout.fullMacs(),
                layout.params(), found.score(), (System.nanoTime() - started) / 1e9));
        return found;
    }

    private static ArchValue scored(Arch arch, RunRecord run, String strategy, CandidateEvaluator scorer) {
        return ArchValue.searched(arch, run, strategy, scorer.applyAsDouble(arch));
    }

    /** Extracts, evaluates and saves; returns the row for {@code report subnets}. */
    StpState.SubnetRow extract(Step.Extract st, SessionState s, ArchValue value) throws StatementError {
        RunRecord run = value.source() != null ? value.source() : s.lastRun();
        String name = st.runName();
        long started = System.nanoTime();
        Network net = searchable(run.network());
        Architecture a = net.architecture();
        Arch arch;
        try {
            arch = value.resolve(a);
            arch.requireFits(a);
        } catch (IllegalArgumentException e) {
            throw new StatementError(st.span(), "arch " + st.arch() + " does not fit " + run.network().spec().name()
                    + ": " + e.getMessage());
        }
        ChannelOrder order = order(s, run, net);
        RelativeSparsity relative = RelativeSparsity.of(net, order, arch);
        Network small;
        try (CandidateEvaluator evaluator = new CandidateEvaluator(net, order, calibration(s, run.data(),
                DEFAULT_CALIBRATION_BATCHES), List.of(), SEARCH_TEMPERATURE)) {
            small = evaluator.extract(arch);
        }
        long macs = Flops.count(small).macs();
        long fullMacs = Flops.count(run.network()).macs();
        double fraction = (double) macs / fullMacs;
        Double budget = s.stp().budget();
        if (budget != null && fraction > budget + 1e-12) {
            throw new StatementError(st.span(), String.format("the extracted network has %.2f%% of the FLOPs, over the budget of %.2f%%",
                    100 * fraction, 100 * budget));
        }
        Evaluator.Result test = Evaluator.evaluate(small, run.data().testX(), run.data().testY(), 1000);
        double seconds = (System.nanoTime() - started) / 1e9;
        long fullParams = run.network().parameterCount();
        String perStage = StpReports.perStage(a, arch);
        Path dir = persist(name, s, run, small, arch, test, macs, fullMacs, relative, value, perStage, seconds);
        listener.output(StpReports.extracted(name, arch.literal(a), perStage, fraction, macs, fullMacs,
                small.parameterCount(), fullParams, test, relative, dir));
        return new StpState.SubnetRow(name, run.name(), value.strategy(), arch.literal(a), perStage, fraction,
                small.parameterCount(), fullParams, value.score(), test.accuracy(), relative.overall().ratio(), dir);
    }

    private Path persist(String name, SessionState s, RunRecord run, Network small, Arch arch, Evaluator.Result test,
                         long macs, long fullMacs, RelativeSparsity relative, ArchValue value, String perStage,
                         double seconds) throws StatementError {
        try (RunDirectory dir = RunDirectory.create(runsDir, name, LocalDateTime.now())) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("name", name);
            summary.put("kind", "extracted subnet (no fine-tuning)");
            summary.put("source_run", run.name());
            summary.put("strategy", value.strategy());
            summary.put("arch", arch.literal(run.network().architecture()));
            summary.put("test_accuracy", test.accuracy());
            summary.put("test_loss", test.loss());
            summary.put("macs", macs);
            summary.put("full_macs", fullMacs);
            summary.put("macs_fraction", (double) macs / fullMacs);
            summary.put("budget", s.stp().budget());
            summary.put("params", small.parameterCount());
            summary.put("full_params", run.network().parameterCount());
            summary.put("kd_held_out", Double.isNaN(value.score()) ? null : value.score());
            summary.put("kept_mean_abs", relative.overall().keptMeanAbs());
            summary.put("dropped_mean_abs", relative.overall().droppedMeanAbs());
            summary.put("seconds", seconds);
            dir.writeJson("summary.json", summary);
            dir.writeText("arch.txt", perStage);
            Trainer.Result result = new Trainer.Result(List.of(new EpochMetrics(0, 0, Double.NaN, test.loss(),
                    test.accuracy(), 0, 0, seconds)), MaskState.dense(small, List.of()), 0, seconds, false, Map.of());
            store.save(RunDirectory.sanitise(name), new RunRecord(name, dir.path(), small, run.data(), result,
                    LayerTable.of(small, result.masks())), s.data());
            return dir.path();
        } catch (IOException e) {
            throw new StatementError(null, "cannot save the extracted network '" + name + "': " + e.getMessage(), e);
        }
    }

    private CandidateEvaluator evaluator(Step.Search st, SessionState s, RunRecord run, Network net) throws StatementError {
        Dataset data = run.data();
        if (data.heldOutSize() == 0) {
            throw new StatementError(st.span(), "search scores candidates on held-out data, and this data set has none: "
                    + "add 'holdout 1000' (for example) to the data statement");
        }
        int batches = st.spec().batches();
        int calibration = st.spec().calibration();
        int batch = s.train().batch();
        List<INDArray> heldOut = new ArrayList<>();
        for (long start = 0; start < data.heldOutSize() && heldOut.size() < batches; start += batch) {
            long end = Math.min(data.heldOutSize(), start + batch);
            heldOut.add(data.heldOutX().get(NDArrayIndex.interval(start, end), NDArrayIndex.all()).dup());
        }
        return new CandidateEvaluator(net, order(s, run, net), calibration(s, data, calibration), heldOut,
                SEARCH_TEMPERATURE);
    }

    /** The order stimulative training used, or one computed now from the weights. */
    private static ChannelOrder order(SessionState s, RunRecord run, Network net) {
        return run.order() != null ? run.order() : ChannelOrder.of(net, s.stp().importance());
    }

    /** The first training batches, in data order and not augmented, as precise batch norm uses. */
    private static List<INDArray> calibration(SessionState s, Dataset data, int batches) {
        List<INDArray> out = new ArrayList<>();
        int batch = s.train().batch();
        for (long start = 0; start < data.trainSize() && out.size() < batches; start += batch) {
            out.add(data.trainX().get(NDArrayIndex.interval(start, Math.min(data.trainSize(), start + batch)),
                    NDArrayIndex.all()).dup());
        }
        return out;
    }

    /**
     * A copy of {@code net} with channel masks and no training branches, so that scoring and
     * extraction never disturb the run's own network.
     */
    static Network searchable(Network net) {
        return Models.copyOf(net, Slimming.masksOnly());
    }
}
