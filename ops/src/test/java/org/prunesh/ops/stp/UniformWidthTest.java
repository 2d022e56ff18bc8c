package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.Architecture;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UniformWidthTest {

    /** ResNet-20 MACs with a stem and stage-1 groups, b stage-2 and c stage-3 channels, full depth. */
    private static long macs(long a, long b, long c) {
        return 27 * a * 1024 + 6 * 9 * a * a * 1024
                + (9 * a * b + 9 * b * b + a * b) * 256 + 4 * 9 * b * b * 256
                + (9 * b * c + 9 * c * c + b * c) * 64 + 4 * 9 * c * c * 64
                + 10 * c;
    }

    @Test
    void resnet20AtAThirtyFivePercentBudget() {
        Architecture r20 = Nets.resnet20();
        assertEquals(40_813_184, macs(16, 32, 64));
        Arch arch = UniformWidth.largestUnder(r20, 0.35);
        // 37/64: 9.25 -> 9, 18.5 -> 19, 37 channels, 33.6% of the MACs
        assertEquals("arch depth [3, 3, 3] width [0.578125, 0.578125, 0.578125]", arch.toString());
        assertEquals(13_717_298, macs(9, 19, 37));
        assertEquals(13_717_298, SubnetLayout.of(r20, arch).macs());
        // the next larger candidate, 38/64 = 19/32: 9.5 -> 10, 19, 38 channels, 36.9%: over
        assertTrue(macs(10, 19, 38) > 0.35 * 40_813_184);
        assertEquals(15_072_380, macs(10, 19, 38));
        assertEquals(Arch.full(r20), UniformWidth.largestUnder(r20, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UniformWidth.largestUnder(r20, 0.0001));
        // one channel everywhere: macs(1, 1, 1) = 100 554 of 40 813 184
        assertEquals(100_554, macs(1, 1, 1));
        assertEquals("no uniform width keeps the MACs within budget 0.0001: one channel per group still has 0.002464"
                + " of them", e.getMessage());
        assertEquals(List.of(3, 3, 3), arch.depth());
    }
}
