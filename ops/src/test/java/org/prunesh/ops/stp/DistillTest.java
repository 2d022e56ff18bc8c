package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DistillTest {

    @Test
    void kdOnLiteralLogits() {
        // T = 2. Row 1: teacher/T = [1, 0, 0], student/T = [0, 1, 0], so with Z = e + 2
        // p = [e, 1, 1]/Z, q = [1, e, 1]/Z, log p − log q = [1, −1, 0] and KL = (e − 1)/Z.
        // Row 2: equal logits, KL = 0. Mean over rows times T² = 4·(e − 1)/Z / 2.
        double e = Math.E;
        double expected = 4 * (e - 1) / (e + 2) / 2;
        float[][] teacher = {{2, 0, 0}, {0.5f, -1, 3}};
        float[][] student = {{0, 2, 0}, {0.5f, -1, 3}};
        assertEquals(expected, Distill.kd(teacher, student, 2), 1e-15);
        assertEquals(expected, Distill.kd(Nd4j.createFromArray(teacher), Nd4j.createFromArray(student), 2), 1e-15);
        assertEquals(0.0, Distill.kd(teacher, teacher, 1));
    }

    @Test
    void kdAtTemperatureOneOfTwoClasses() {
        // p = [e/(e+1), 1/(e+1)], q = [1/2, 1/2]: KL = p0·log(2·p0) + p1·log(2·p1)
        double p0 = Math.E / (Math.E + 1), p1 = 1 / (Math.E + 1);
        double expected = p0 * Math.log(2 * p0) + p1 * Math.log(2 * p1);
        assertEquals(expected, Distill.kd(new float[][]{{1, 0}}, new float[][]{{0, 0}}, 1), 1e-15);
    }

    @Test
    void largeLogitsStayFinite() {
        // p = [1, e^-1000], q = [e^-1000, 1]: KL = 1·(0 − (−1000)) + e^-1000·(−1000 − 0) = 1000
        assertEquals(1000.0, Distill.kd(new float[][]{{1000, 0}}, new float[][]{{0, 1000}}, 1));
    }

    @Test
    void rejectsMismatchedInputs() {
        assertEquals("temperature 0 must be positive", assertThrows(IllegalArgumentException.class,
                () -> Distill.kd(new float[][]{{1}}, new float[][]{{1}}, 0)).getMessage());
        assertEquals("row 0 has 2 teacher and 1 student logits", assertThrows(IllegalArgumentException.class,
                () -> Distill.kd(new float[][]{{1, 2}}, new float[][]{{1}}, 1)).getMessage());
    }
}
