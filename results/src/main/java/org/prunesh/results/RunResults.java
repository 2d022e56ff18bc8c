package org.prunesh.results;

import org.prunesh.ops.schedule.SchedulePoint;
import org.prunesh.ops.train.EpochMetrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What one run directory holds, read back from its files: the configuration that defines it, the
 * per-epoch metrics, and, for a run that reached its end, the summary and per-tensor counts.
 *
 * @param settings     {@code config.json} as configuration-defining settings (no name, seed, provenance)
 * @param summary      null when the run has no {@code summary.json} (it was interrupted)
 * @param epochs       {@code metrics.jsonl}, one entry per finished epoch
 * @param layers       per-tensor counts from the summary; empty without one
 * @param pruningSteps the schedule's mask updates, as resolved when the run started
 * @param totalSteps   optimizer steps the run was planned for (0 if the config does not say)
 * @param plannedEpochs epochs the run was planned for (0 if the config does not say)
 * @param notes        what was missing or repaired while reading, in the user's terms
 */
public record RunResults(Path directory, String name, long seed, Settings settings, Summary summary,
                         List<EpochMetrics> epochs, List<LayerTable.Row> layers, List<SchedulePoint> pruningSteps,
                         long totalSteps, int plannedEpochs, List<String> notes) {

    /**
     * {@code summary.json}: the final numbers of a run.
     *
     * @param flops present once the writer records it
     */
    public record Summary(double testAccuracy, double testLoss, double sparsityPrunable, double sparsityAll,
                          long paramsTotal, long paramsPrunable, long paramsPrunableActive, long steps,
                          int epochsCompleted, double wallSeconds, boolean cancelled, boolean diverged,
                          OptionalDouble flops) {

        /** A summary of a run that did not diverge. */
        public Summary(double testAccuracy, double testLoss, double sparsityPrunable, double sparsityAll,
                       long paramsTotal, long paramsPrunable, long paramsPrunableActive, long steps,
                       int epochsCompleted, double wallSeconds, boolean cancelled, OptionalDouble flops) {
            this(testAccuracy, testLoss, sparsityPrunable, sparsityAll, paramsTotal, paramsPrunable,
                    paramsPrunableActive, steps, epochsCompleted, wallSeconds, cancelled, false, flops);
        }
    }

    /** How far a run got; a diverged run stopped on a non-finite loss or weight and has no result. */
    public enum Completion { FINISHED, CANCELLED, DIVERGED, INTERRUPTED }

    public RunResults {
        epochs = List.copyOf(epochs);
        layers = List.copyOf(layers);
        pruningSteps = List.copyOf(pruningSteps);
        notes = List.copyOf(notes);
    }

    /**
     * Reads {@code runDir}. Only {@code config.json} is required: a run killed before its end has no
     * {@code summary.json}, and its final numbers are then those of its last finished epoch.
     *
     * @throws UnreadableRunException when {@code runDir} has no config.json, or a file is not what
     *                                the run writer writes
     */
    public static RunResults read(Path runDir) throws IOException {
        return RunReader.read(runDir);
    }

    public Completion completion() {
        if (summary == null) return Completion.INTERRUPTED;
        if (summary.diverged()) return Completion.DIVERGED;
        return summary.cancelled() ? Completion.CANCELLED : Completion.FINISHED;
    }

    public boolean finished() {
        return completion() == Completion.FINISHED;
    }

    public boolean diverged() {
        return completion() == Completion.DIVERGED;
    }

    /** The configuration's value at a dotted key, e.g. {@code selection} or {@code train.lr}. */
    public String setting(String key) {
        return settings.get(key);
    }

    /** NaN for a diverged run: whatever it measured before it stopped is not a result. */
    public double testAccuracy() {
        if (diverged()) return Double.NaN;
        if (summary != null) return summary.testAccuracy();
        return last() == null ? Double.NaN : last().testAccuracy();
    }

    public double testLoss() {
        if (diverged()) return Double.NaN;
        if (summary != null) return summary.testLoss();
        return last() == null ? Double.NaN : last().testLoss();
    }

    /** Over the prunable tensors. */
    public double sparsityPrunable() {
        if (summary != null) return summary.sparsityPrunable();
        return last() == null ? Double.NaN : last().sparsity();
    }

    /** Over all parameters; unknown (NaN) without a summary, since metrics count prunable tensors only. */
    public double sparsityAll() {
        return summary == null ? Double.NaN : summary.sparsityAll();
    }

    /** Seconds from start to the last finished epoch (metrics record them cumulatively). */
    public double wallSeconds() {
        if (summary != null) return summary.wallSeconds();
        return last() == null ? Double.NaN : last().seconds();
    }

    public double flops() {
        return summary == null ? Double.NaN : summary.flops().orElse(Double.NaN);
    }

    /** The run directory's own name, {@code <time>-<name>}. */
    public String directoryName() {
        Path file = directory.getFileName();
        return file == null ? directory.toString() : file.toString();
    }

    private EpochMetrics last() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }
}
