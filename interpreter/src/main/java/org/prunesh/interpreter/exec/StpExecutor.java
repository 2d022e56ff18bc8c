package org.prunesh.interpreter.exec;

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
import org.prunesh.ops.stp.FlopsBand;
import org.prunesh.ops.stp.RandomSearch;
import org.prunesh.ops.stp.RelativeSparsity;
import org.prunesh.ops.stp.Scoring;
import org.prunesh.ops.stp.SearchReport;
import org.prunesh.ops.stp.SubnetLayout;
import org.prunesh.ops.stp.UniformWidth;
import org.prunesh.ops.train.Evaluator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static final int DEFAULT_POPULATION = 16;
    static final int DEFAULT_GENERATIONS = 8;
    static final double DEFAULT_MUTATION = 0.2;
    static final double DEFAULT_CROSSOVER = 0.5;
    static final int DEFAULT_SAMPLES = 128;
    /** KD scores of candidates compare predictive distributions as they are (T = 1). */
    static final double SEARCH_TEMPERATURE = org.prunesh.ops.stp.Scoring.DEFAULT_TEMPERATURE;

    private final ModelStore store;
    private final SessionListener listener;

    StpExecutor(ModelStore store, SessionListener listener) {
        this.store = store;
        this.listener = listener;
    }

    /** A search's result and what {@code report search} needs of it. */
    record Searched(ArchValue value, StpState.SearchRecord record) {
    }

    Searched search(Step.Search st, SessionState s) throws StatementError {
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
        requireHeldOut(st, run.data());
        SplittableRandom rng = new SplittableRandom(seed);
        Scoring scoring = new Scoring(o.calibration(), o.batches(), s.train().batch(), SEARCH_TEMPERATURE);
        ChannelOrder order = order(s, run, net);
        ArchSearch.Result result;
        try (CandidateEvaluator scorer = scoring.evaluator(net, order, run.data())) {
            FlopsBand band = FlopsBand.of(stp.budget(), o.min());
            result = switch (strategy) {
                case "uniform" -> scored(UniformWidth.largestUnder(a, stp.budget()), scorer);
                case "sample" -> scored(stp.space().sampleIn(a, band, rng, ArchSpace.TRIES * 100), scorer);
                default -> {
                    ArchSearch search = strategy.equals("random")
                            ? new RandomSearch(stp.space(), a, band, o.samples())
                            : new EvolutionarySearch(stp.space(), a, band,
                            o.population(), o.generations(), o.mutation(), o.crossover());
                    ArchSearch.Result r = search.search(scorer, rng);
                    listener.output("search " + strategy + ": " + r.evaluated() + " candidates scored in " + band);
                    yield r;
                }
            };
        } catch (IllegalArgumentException e) {
            throw new StatementError(st.span(), "search " + strategy + ": " + e.getMessage());
        }
        ArchValue found = ArchValue.searched(result.best(), run, strategy, result.score(), scoring);
        Arch arch = found.searched();
        SubnetLayout layout = SubnetLayout.of(a, arch);
        listener.output(String.format("%s = %s%n  %.1f%% of the FLOPs (%,d of %,d MACs), %,d parameters, KD %.4f on held-out data; %.1f s",
                st.as(), arch.literal(a), 100 * layout.macsFraction(), layout.macs(), layout.fullMacs(),
                layout.params(), found.score(), (System.nanoTime() - started) / 1e9));
        return new Searched(found, new StpState.SearchRecord(strategy, run, order, scoring, result.history()));
    }

    private static ArchSearch.Result scored(Arch arch, CandidateEvaluator scorer) {
        double score = scorer.applyAsDouble(arch);
        return new ArchSearch.Result(arch, score, 1, List.of(new ArchSearch.Scored(arch, score)));
    }

    /**
     * {@code report search}: every candidate of the last search with its KD score and its accuracy
     * on the whole held-out split, realised as it was scored, and how well the score ranks them.
     */
    String reportSearch(Step.Report st, SessionState s) throws StatementError {
        StpState.SearchRecord r = s.stp().lastSearch();
        if (r == null) {
            throw new StatementError(st.span(), "report search needs a search: add 'search ... as NAME;' before it");
        }
        Network net = searchable(r.run().network());
        Architecture a = net.architecture();
        Dataset data = r.run().data();
        SearchReport report;
        try (CandidateEvaluator evaluator = r.scoring().evaluator(net, r.order(), data)) {
            report = SearchReport.of(a, r.scored(), arch -> evaluator.accuracy(arch, data.heldOutX(), data.heldOutY()));
        }
        return "search " + r.strategy() + " on '" + r.run().name() + "', " + data.heldOutSize()
                + " held-out images (batch norm recalibrated on " + r.scoring().calibrationBatches()
                + " training batches per candidate, as scored):\n" + String.join("\n", report.lines(a));
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
        // the calibration the arch was scored with, so that the subnet extracted is the one scored
        Scoring scoring = value.scoring() != null ? value.scoring() : Scoring.defaults(s.train().batch());
        try (CandidateEvaluator evaluator = scoring.extractor(net, order, run.data())) {
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
        RelativeSparsity.Paired unbiased = unbiased(run, net, arch, s.seed());
        double seconds = (System.nanoTime() - started) / 1e9;
        long fullParams = run.network().parameterCount();
        String perStage = StpReports.perStage(a, arch);
        Map<String, Object> summary = ModelStore.cutSummary(name, "extracted subnet (no fine-tuning)", run, test, macs,
                fullMacs, small.parameterCount());
        summary.put("strategy", value.strategy());
        summary.put("arch", arch.literal(a));
        summary.put("budget", budget);
        summary.put("kd_held_out", Double.isNaN(value.score()) ? null : value.score());
        summary.put("calibration_batches", scoring.calibrationBatches());
        summary.put("kept_mean_abs", relative.overall().keptMeanAbs());
        summary.put("dropped_mean_abs", relative.overall().droppedMeanAbs());
        Map<String, Object> indexOrder = new LinkedHashMap<>();
        indexOrder.put("trained_ratio", unbiased.trained().overall().ratio());
        indexOrder.put("untrained_ratio", unbiased.untrained().overall().ratio());
        summary.put("relative_sparsity_index_order", indexOrder);
        summary.put("seconds", seconds);
        Path dir = store.saveCut(name, summary, Map.of("arch.txt", perStage), small, run, test, seconds, s.data());
        listener.output(StpReports.extracted(name, arch.literal(a), perStage, fraction, macs, fullMacs,
                small.parameterCount(), fullParams, test, relative, unbiased, dir));
        return new StpState.SubnetRow(name, run.name(), value.strategy(), arch.literal(a), perStage, fraction,
                small.parameterCount(), fullParams, value.score(), test.accuracy(), relative.overall().ratio(),
                unbiased.trained().overall().ratio(), unbiased.untrained().overall().ratio(), dir);
    }

    /**
     * The relative sparsity without selection bias: the arch's channels kept in index order (the
     * same for every training) on the trained weights and on the run's own initialisation, rebuilt
     * from its seed (its config.json's; the session's for a run without a directory). Only the gap
     * between the two says what training did to the dropped weights.
     */
    static RelativeSparsity.Paired unbiased(RunRecord run, Network trained, Arch arch, long sessionSeed)
            throws StatementError {
        long seed = sessionSeed;
        Path config = run.directory() == null ? null : run.directory().resolve(RunDirectory.CONFIG);
        try {
            if (config != null && Files.exists(config)) seed = RunDirectory.JSON.readTree(config.toFile()).path("seed").asLong(seed);
        } catch (IOException e) {
            throw new StatementError(null, "cannot read the seed of '" + run.name() + "': " + e.getMessage(), e);
        }
        Network initial = searchable(Models.build(run.network().spec(), run.data().sampleShape(),
                run.data().numClasses(), seed, 0, run.network().slimming()));
        return RelativeSparsity.paired(trained, initial, ChannelOrder.identity(trained.architecture()), arch);
    }

    private static void requireHeldOut(Step.Search st, Dataset data) throws StatementError {
        if (data.heldOutSize() == 0) {
            throw new StatementError(st.span(), "search scores candidates on held-out data, and this data set has none: "
                    + "add 'holdout 1000' (for example) to the data statement");
        }
    }

    /** The order stimulative training used, or one computed now from the weights. */
    private static ChannelOrder order(SessionState s, RunRecord run, Network net) {
        return run.order() != null ? run.order() : ChannelOrder.of(net, s.stp().importance());
    }

    /**
     * A copy of {@code net} with channel masks and no training branches, so that scoring and
     * extraction never disturb the run's own network.
     */
    static Network searchable(Network net) {
        return Models.copyOf(net, Slimming.masksOnly());
    }
}
