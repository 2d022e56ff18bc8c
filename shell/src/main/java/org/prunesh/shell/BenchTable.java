package org.prunesh.shell;

import org.prunesh.bench.JitSettle;
import org.prunesh.bench.SelectionBench;
import org.prunesh.bench.Spread;
import org.prunesh.bench.StepProfile;
import org.prunesh.bench.TrainingBench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The plain-text tables {@code prune-sh bench} prints. */
final class BenchTable {

    private BenchTable() {
    }

    /**
     * One line per model: ours dense and masked, the masking overhead and, when any model had a
     * peer, the peer's rate and ours (masked) over it; "-" where a model had no peer.
     */
    static String training(List<TrainingBench.Result> results, String peerName) {
        boolean peers = results.stream().anyMatch(r -> !Double.isNaN(r.peerImagesPerSecond()));
        List<String> lines = new ArrayList<>();
        String header = f("%-16s %5s %8s %11s %12s %9s", "model", "batch", "sparsity", "dense img/s", "masked img/s",
                "overhead");
        if (peers) header += f(" %11s %10s", peerName + " img/s", "ours/" + peerName);
        lines.add(header);
        for (TrainingBench.Result r : results) {
            String line = f("%-16s %5d %7.0f%% %11.1f %12.1f %+8.2f%%", r.model(), r.batch(), 100 * r.sparsity(),
                    r.denseImagesPerSecond(), r.maskedImagesPerSecond(), 100 * r.maskedOverhead());
            if (peers) {
                line += Double.isNaN(r.peerImagesPerSecond()) ? f(" %11s %10s", "-", "-")
                        : f(" %11.1f %10.2f", r.peerImagesPerSecond(), r.peerRatio());
            }
            lines.add(line);
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * Min / median / max over blocks per model: ours masked, the masking overhead round by round,
     * the peer's and, round by round, ours over it; the peer's columns only when any model had a peer.
     */
    static String spread(List<TrainingBench.Result> results, String peerName) {
        boolean peers = results.stream().anyMatch(r -> !r.peer().isNone());
        List<String> lines = new ArrayList<>();
        String header = f("%-16s %25s %26s", "min/median/max", "masked img/s", "overhead");
        if (peers) header += f(" %25s %20s", peerName + " img/s", "ours/" + peerName);
        lines.add(header);
        for (TrainingBench.Result r : results) {
            String line = f("%-16s %25s %26s", r.model(), rates(r.masked()), f("%+.2f / %+.2f / %+.2f%%",
                    100 * r.overhead().min(), 100 * r.overhead().median(), 100 * r.overhead().max()));
            if (peers) {
                line += r.peer().isNone() ? f(" %25s %20s", "-", "-")
                        : f(" %25s %20s", rates(r.peer()), f("%.2f / %.2f / %.2f", r.ratio().min(),
                        r.ratio().median(), r.ratio().max()));
            }
            lines.add(line);
        }
        return String.join("\n", lines) + "\n";
    }

    private static String rates(Spread s) {
        return f("%.1f / %.1f / %.1f", s.min(), s.median(), s.max());
    }

    /**
     * CPU cores each process kept busy during each side's blocks: ours and the peer's while ours
     * ran, and while the peer ran. Only models that had a peer are listed.
     */
    static String cpu(List<TrainingBench.Result> results, String peerName) {
        List<String> lines = new ArrayList<>();
        lines.add(f("%-16s %22s %22s", "cores busy", "while ours ran", "while " + peerName + " ran"));
        lines.add(f("%-16s %11s %10s %11s %10s", "", "ours", peerName, "ours", peerName));
        for (TrainingBench.Result r : results) {
            TrainingBench.CpuUse c = r.cpu();
            if (Double.isNaN(r.peerImagesPerSecond())) continue;
            lines.add(f("%-16s %11.2f %10.2f %11.2f %10.2f", r.model(), c.oursWhileOurs(), c.peerWhileOurs(),
                    c.oursWhilePeer(), c.peerWhilePeer()));
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * Per model, ours' warm-up seconds, whether the JIT had settled, the mean step's milliseconds in
     * the wait's first and last window, and the JIT's compiling seconds during the rounds.
     */
    static String warmUp(List<TrainingBench.Result> results) {
        List<String> lines = new ArrayList<>();
        lines.add(f("%-16s %9s %12s %22s %12s", "warm-up", "ours s", "JIT settled", "ms/step first / last",
                "compiling s"));
        for (TrainingBench.Result r : results) {
            TrainingBench.WarmUp w = r.warmUp();
            JitSettle.Outcome jit = w.jit();
            lines.add(f("%-16s %9.1f %12s %22s %12.3f", r.model(), w.seconds(), jit.settled() ? "yes" : "no",
                    Double.isNaN(jit.firstStep()) ? "-" : f("%.1f / %.1f", 1e3 * jit.firstStep(), 1e3 * jit.lastStep()),
                    w.compileSecondsInRounds()));
        }
        return String.join("\n", lines) + "\n";
    }

    /** The selection timing: both measurements and their ratios to the streaming pass, and the JVM's first selection. */
    static String selection(SelectionBench.Result r, String network) {
        return f("selection: %s, global, over %s's %,d prunable weights (%d tensors), dense to %.0f%% (%,d pruned);"
                        + " medians of %d after %d untimed rounds%n", SelectionBench.FGGP.describe(), network,
                r.parameters(), r.tensors(), 100 * r.target(), r.pruned(), r.repeats(), r.warmups())
                + f("  streaming pass (sum |w| + |g|)       %8.3f s%n", r.passSeconds())
                + f("  selection (MaskSelector)             %8.3f s  %5.2fx the pass%n", r.selectSeconds(),
                r.selectRatio())
                + f("  pruning step (copy out, select, set) %8.3f s  %5.2fx the pass%n", r.stepSeconds(), r.stepRatio())
                + f("  the JVM's first selection (not yet compiled by the JIT) %.3f s%n", r.firstSelectSeconds());
    }

    /** Ops listed by name under a profile, per side. */
    static final int PROFILE_OPS = 8;

    /**
     * A step's milliseconds by part, ours and the peer's side by side with ours over theirs (a time
     * ratio: above 1 ours is slower), both steps with and without profiling, then each side's
     * slowest ops by name.
     */
    static String profile(StepProfile.Result r, String peerName) {
        boolean peer = r.peer() != null;
        List<String> lines = new ArrayList<>();
        lines.add(f("profile of %s, batch %d, %.0f%% masked: ms per step over %d steps (ours: wall time per graph op;"
                + " %s: torch.profiler's self CPU time per op)", r.model(), r.batch(), 100 * r.sparsity(), r.steps(),
                peerName));
        String header = f("%-30s %8s", "part", "ours");
        if (peer) header += f(" %8s %11s", peerName, "ours/" + peerName);
        lines.add(header);
        for (StepProfile.Part part : StepProfile.Part.values()) {
            lines.add(row(part.label(), r.ours().parts().get(part), peer ? r.peer().parts().get(part) : Double.NaN, peer));
        }
        lines.add(row("step, profiled", r.ours().profiledMs(), peer ? r.peer().profiledMs() : Double.NaN, peer));
        lines.add(row("step, not profiled", r.ours().plainMs(), peer ? r.peer().plainMs() : Double.NaN, peer));
        lines.add(ops("ours", r.ours()));
        if (peer) lines.add(ops(peerName, r.peer()));
        return String.join("\n", lines) + "\n";
    }

    private static String row(String label, double ours, double theirs, boolean peer) {
        String line = f("%-30s %8.2f", label, ours);
        if (!peer) return line;
        return line + f(" %8.2f %11s", theirs, theirs > 0 ? f("%.2f", ours / theirs) : "-");
    }

    private static String ops(String side, StepProfile.Side s) {
        List<String> named = new ArrayList<>();
        for (StepProfile.Op op : s.ops().subList(0, Math.min(PROFILE_OPS, s.ops().size()))) {
            named.add(f("%s %s x %.2f", op.name(), plain(op.calls()), op.ms()));
        }
        return "  slowest ops of " + side + " (calls x ms per step): " + String.join(", ", named);
    }

    /** Calls per step: a whole number as one, else two decimals. */
    private static String plain(double calls) {
        return calls == Math.rint(calls) ? f("%d", (long) calls) : f("%.2f", calls);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
