package org.prunesh.interpreter.exec;

import org.prunesh.interpreter.SessionListener;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.stp.Extraction;
import org.prunesh.ops.train.EpochMetrics;
import org.prunesh.ops.train.Evaluator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Carries out {@code extract "name";}: the last run's channel-pruned network is cut to the smaller
 * network that computes the same function (ops' {@link Extraction#fromMasks}, whole coupled channel
 * groups), evaluated on the test set without fine-tuning and saved as a run of its own, as an STP
 * subnet is.
 */
final class PrunedExtraction {

    private final ModelStore store;
    private final SessionListener listener;

    PrunedExtraction(ModelStore store, SessionListener listener) {
        this.store = store;
        this.listener = listener;
    }

    SessionState extract(Step.ExtractPruned st, SessionState s, int sweep) throws StatementError {
        RunRecord run = s.lastRun();
        long started = System.nanoTime();
        Extraction.Result cut;
        try {
            cut = Extraction.fromMasks(run.network(), run.result().masks().masks());
        } catch (IllegalArgumentException e) {
            throw new StatementError(st.span(), "cannot cut '" + run.name() + "': " + e.getMessage());
        }
        if (cut.macs() == cut.fullMacs()) {
            throw new StatementError(st.span(), "the masks of '" + run.name() + "' remove no whole channel, so there is"
                    + " nothing to cut: prune with 'granularity channel;' before the run");
        }
        Evaluator.Result test = Evaluator.evaluate(cut.network(), run.data().testX(), run.data().testY(), 1000);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<EpochMetrics> epochs = run.result().epochs();
        double before = epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).testAccuracy();
        long params = cut.network().parameterCount();
        long fullParams = run.network().parameterCount();
        String kept = kept(cut.network().spec());
        Map<String, Object> summary = ModelStore.cutSummary(st.runName(),
                "channel-pruned network cut to size (no fine-tuning)", run, test, cut.macs(), cut.fullMacs(), params);
        summary.put("kept", kept);
        summary.put("source_test_accuracy", Double.isNaN(before) ? null : before);
        summary.put("seconds", seconds);
        Path dir = store.saveCut(st.runName(), summary, Map.of(), cut.network(), run, test, seconds, s.data());
        listener.output(String.format("extracted '%s' from the channel masks of '%s': %s%n"
                        + "  FLOPs %.1f%% (%,d of %,d MACs), parameters %,d of %,d%n"
                        + "  test accuracy %.2f%% without fine-tuning (loss %.4f); the masked network: %.2f%%%n"
                        + "  saved in %s",
                st.runName(), run.name(), kept, 100 * cut.macsFraction(), cut.macs(), cut.fullMacs(), params,
                fullParams, 100 * test.accuracy(), test.loss(), 100 * before, dir));
        double pruned = 1 - (double) params / fullParams;
        return s.withHistoryRow(new SessionState.RunRow(st.runName(), "channels cut from '" + run.name() + "'",
                test.accuracy(), pruned, pruned, seconds, false, dir, sweep));
    }

    /** The channels the smaller network keeps, in the language's terms. */
    static String kept(ModelSpec spec) {
        if (spec instanceof ModelSpec.SubnetResNet r) return "stream widths " + r.stream() + ", block widths " + r.inner();
        if (spec instanceof ModelSpec.SubnetVgg19 v) return "convolution widths " + v.channels();
        throw new IllegalStateException("extraction built a " + spec.name());
    }
}
