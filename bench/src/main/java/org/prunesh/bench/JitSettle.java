package org.prunesh.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Ours' warm-up until HotSpot's JIT has settled. C2 goes on compiling the step's Java code for half
 * a minute and more after the first steps (methods called a few times per step reach its thresholds
 * only after hundreds of steps, some are compiled again after a deoptimisation), and each
 * compilation takes one of the two cores the step's threads need: ResNet-20 w0.5 steps during one
 * took 2-3x the others.
 * Blocks timed while that went on made the medians of five launches differ by up to 28%
 * (docs/performance-log.md, "Twelfth pass").
 */
public final class JitSettle {

    /**
     * Steps are taken in windows of at least {@code windowSeconds}; the JIT has settled when
     * {@code quietWindows} windows in a row spent at most {@code quietShare} of their wall time
     * compiling. {@code maxSeconds} bounds the wait (0: no wait).
     */
    public record Limits(double windowSeconds, double quietShare, int quietWindows, double maxSeconds) {
        public Limits {
            if (!(windowSeconds > 0) || !(quietShare >= 0) || quietWindows < 1 || !(maxSeconds >= 0)) {
                throw new IllegalArgumentException("JIT settling needs a window above 0 s, a quiet share of 0 or more, at"
                        + " least one window and a wait of 0 s or more, got " + windowSeconds + " s, " + quietShare + ", "
                        + quietWindows + ", " + maxSeconds + " s");
            }
        }

        /** These limits with another bound on the wait. */
        public Limits upTo(double seconds) {
            return new Limits(windowSeconds, quietShare, quietWindows, seconds);
        }
    }

    /** 2 s windows, 1% compiling, three in a row, at most 120 s. */
    public static final Limits DEFAULT = new Limits(2, 0.01, 3, 120);

    /**
     * How the wait ended: seconds of steps it took and the compilation seconds in them, whether the
     * JIT had settled or the wait hit its bound (or the JVM keeps no compilation clock), and the mean
     * step's seconds in its first and its last window (NaN without a window): what the JIT's work
     * cost the steps.
     */
    public record Outcome(double seconds, double compileSeconds, boolean settled, double firstStep, double lastStep) {
        static final Outcome NONE = new Outcome(0, 0, false, Double.NaN, Double.NaN);
    }

    private JitSettle() {
    }

    /**
     * Runs {@code step} (which returns the seconds it took) window by window until the JIT has
     * settled or the wait reached {@code limits.maxSeconds()}; {@code compileMillis} is the JVM's
     * accumulated compilation time.
     */
    static Outcome run(DoubleSupplier step, LongSupplier compileMillis, Limits limits) {
        if (limits.maxSeconds() == 0) return Outcome.NONE;
        long start = compileMillis.getAsLong();
        double total = 0, first = Double.NaN, last = Double.NaN;
        int quiet = 0;
        while (total < limits.maxSeconds() && quiet < limits.quietWindows()) {
            long before = compileMillis.getAsLong();
            double window = 0;
            int steps = 0;
            for (; window < limits.windowSeconds(); steps++) window += step.getAsDouble();
            total += window;
            last = window / steps;
            if (Double.isNaN(first)) first = last;
            quiet = compileMillis.getAsLong() - before <= limits.quietShare() * window * 1e3 ? quiet + 1 : 0;
        }
        return new Outcome(total, (compileMillis.getAsLong() - start) / 1e3, quiet == limits.quietWindows(), first, last);
    }

    /** The JVM's accumulated compilation milliseconds, or null when it keeps none. */
    static LongSupplier compileClock() {
        CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
        if (bean == null || !bean.isCompilationTimeMonitoringSupported()) return null;
        return bean::getTotalCompilationTime;
    }
}
