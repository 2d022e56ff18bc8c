package org.prunesh.bench;

import org.junit.jupiter.api.Test;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JitSettleTest {

    /** Steps of 0.5 s, the i-th of which adds {@code compileMillis[i]} to the JVM's compilation clock. */
    private static final class Steps implements DoubleSupplier, LongSupplier {
        final long[] compileMillis;
        int taken;
        long clock;

        Steps(long... compileMillis) {
            this.compileMillis = compileMillis;
        }

        @Override
        public double getAsDouble() {
            clock += compileMillis[taken++];
            return 0.5;
        }

        @Override
        public long getAsLong() {
            return clock;
        }
    }

    /** 1 s windows (two steps), at most 1% compiling (10 ms), two quiet windows in a row. */
    private static final JitSettle.Limits LIMITS = new JitSettle.Limits(1, 0.01, 2, 10);

    @Test
    void settlesAfterTheGivenNumberOfQuietWindowsInARow() {
        // windows: 300 ms, 20, 10 (quiet: at most 1%), 30 (loud again), 0, 4 -> settled after 12 steps
        Steps steps = new Steps(300, 0, 20, 0, 5, 5, 0, 30, 0, 0, 4, 0, 999, 999);
        assertEquals(new JitSettle.Outcome(6.0, 0.364, true, 0.5, 0.5), JitSettle.run(steps, steps, LIMITS));
        assertEquals(12, steps.taken);
    }

    @Test
    void stopsAtItsBoundWhenTheJitNeverSettles() {
        Steps steps = new Steps(50, 50, 50, 50, 50, 50, 50, 50);
        assertEquals(new JitSettle.Outcome(3.0, 0.3, false, 0.5, 0.5), JitSettle.run(steps, steps, LIMITS.upTo(3)));
        assertEquals(6, steps.taken);
        Steps none = new Steps();
        assertEquals(JitSettle.Outcome.NONE, JitSettle.run(none, none, LIMITS.upTo(0)));
    }

    @Test
    void limitsRejectWhatCannotEnd() {
        assertEquals("JIT settling needs a window above 0 s, a quiet share of 0 or more, at least one window and a wait of"
                        + " 0 s or more, got 0.0 s, 0.01, 2, 10.0 s",
                assertThrows(IllegalArgumentException.class, () -> new JitSettle.Limits(0, 0.01, 2, 10)).getMessage());
        assertEquals("JIT settling needs a window above 0 s, a quiet share of 0 or more, at least one window and a wait of"
                        + " 0 s or more, got 1.0 s, 0.01, 2, -1.0 s",
                assertThrows(IllegalArgumentException.class, () -> LIMITS.upTo(-1)).getMessage());
    }
}
