package org.prunesh.ops.model;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.stp.Distill;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DistillationGraphTest {

    @Test
    void theTrainingGraphsKdTermIsLambdaTSquaredKlOnLiteralLogits() {
        float[][] teacher = {{2, 0, -1}, {0.5f, 0.5f, 1}};
        float[][] student = {{1, 1, 0}, {-1, 2, 0}};
        SameDiff sd = SameDiff.create();
        SDVariable t = sd.placeHolder("t", DataType.FLOAT, -1, 3);
        SDVariable s = sd.placeHolder("s", DataType.FLOAT, -1, 3);
        SDVariable kd = Models.distillation(sd, 1, t, s, new Slimming(1, 0.5, 2));
        double value = sd.output(Map.of("t", Nd4j.createFromArray(teacher), "s", Nd4j.createFromArray(student)),
                kd.name()).get(kd.name()).getDouble(0);

        // By hand, T = 2: row 1 p = softmax(1, 0, -0.5), q = softmax(0.5, 0.5, 0);
        // row 2 p = softmax(0.25, 0.25, 0.5), q = softmax(-0.5, 1, 0).
        double expected = 0;
        double[][] p = {softmax(1, 0, -0.5), softmax(0.25, 0.25, 0.5)};
        double[][] q = {softmax(0.5, 0.5, 0), softmax(-0.5, 1, 0)};
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) expected += p[r][c] * Math.log(p[r][c] / q[r][c]);
        }
        expected = 0.5 * 4 * expected / 2;
        assertEquals(expected, value, 1e-6);
        assertEquals(0.5 * Distill.kd(teacher, student, 2), value, 1e-6);
    }

    private static double[] softmax(double... z) {
        double sum = 0;
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) sum += out[i] = Math.exp(z[i]);
        for (int i = 0; i < z.length; i++) out[i] /= sum;
        return out;
    }
}
