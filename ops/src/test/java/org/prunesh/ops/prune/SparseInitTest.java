package org.prunesh.ops.prune;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparseInitTest {

    private static Map<String, long[]> shapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("fc1_W", new long[]{2, 3});
        shapes.put("fc2_W", new long[]{4});
        return shapes;
    }

    /** The documented stream, written out here independently of SparseInit's code. */
    private static boolean[] expected(String name, int n, double density, long seed) {
        long h = 0xcbf29ce484222325L;
        for (char c : name.toCharArray()) { // ASCII names: one UTF-8 byte per char
            h ^= c;
            h *= 0x100000001b3L;
        }
        SplittableRandom r = new SplittableRandom(seed ^ h);
        boolean[] m = new boolean[n];
        for (int i = 0; i < n; i++) m[i] = r.nextDouble() < density;
        return m;
    }

    @Test
    void followsTheDocumentedStreamPerTensor() {
        Map<String, boolean[]> masks = SparseInit.bernoulli(shapes(), Map.of("fc1_W", 0.5, "fc2_W", 0.25), 18);
        assertEquals(List.of("fc1_W", "fc2_W"), List.copyOf(masks.keySet()));
        assertArrayEquals(expected("fc1_W", 6, 0.5, 18), masks.get("fc1_W"));
        assertArrayEquals(expected("fc2_W", 4, 0.25, 18), masks.get("fc2_W"));
        // FNV-1a 64 of "a" is the published test vector.
        assertEquals(0xaf63dc4c8601ec8cL, SparseInit.fnv1a64("a"));
    }

    @Test
    void isDeterministicAndIndependentOfOtherTensors() {
        Map<String, boolean[]> a = SparseInit.uniform(shapes(), 0.5, 7);
        Map<String, boolean[]> b = SparseInit.uniform(shapes(), 0.5, 7);
        assertArrayEquals(a.get("fc1_W"), b.get("fc1_W"));
        assertArrayEquals(a.get("fc2_W"), b.get("fc2_W"));
        Map<String, boolean[]> alone = SparseInit.uniform(Map.of("fc2_W", new long[]{4}), 0.5, 7);
        assertArrayEquals(a.get("fc2_W"), alone.get("fc2_W"));
        // A different seed gives a different 100-element mask (a collision has probability 2^-100).
        Map<String, long[]> big = Map.of("w", new long[]{100});
        assertFalse(java.util.Arrays.equals(SparseInit.uniform(big, 0.5, 1).get("w"),
                SparseInit.uniform(big, 0.5, 2).get("w")));
    }

    @Test
    void empiricalDensityOfALargeTensorIsWithinOnePercent() {
        boolean[] m = SparseInit.bernoulli(Map.of("conv", new long[]{100, 1000}), Map.of("conv", 0.3), 42).get("conv");
        int active = 0;
        for (boolean b : m) if (b) active++;
        // Standard deviation of the count is sqrt(1e5 * .3 * .7) = 145, i.e. 0.15% of density.
        assertTrue(Math.abs(active / 1e5 - 0.3) < 0.01, "density " + active / 1e5);
    }

    @Test
    void extremesAreExactAndBadInputsRejected() {
        boolean[] dense = SparseInit.uniform(Map.of("w", new long[]{50}), 0, 3).get("w");
        boolean[] empty = SparseInit.uniform(Map.of("w", new long[]{50}), 1, 3).get("w");
        for (int i = 0; i < 50; i++) {
            assertTrue(dense[i]);
            assertFalse(empty[i]);
        }
        assertEquals("no density given for tensor fc2_W", assertThrows(IllegalArgumentException.class,
                () -> SparseInit.bernoulli(shapes(), Map.of("fc1_W", 0.5), 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparseInit.uniform(shapes(), 1.5, 1));
    }
}
