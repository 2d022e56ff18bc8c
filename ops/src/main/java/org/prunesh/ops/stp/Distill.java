package org.prunesh.ops.stp;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.prunesh.ops.prune.Decimals;

import java.util.Arrays;

/**
 * The distillation loss that scores a subnet against the full network:
 * {@code T²·KL(softmax(teacher/T) ‖ softmax(student/T))}, averaged over the rows of a batch,
 * in double precision with log-sum-exp so that large logits neither overflow nor lose the
 * small probabilities.
 */
public final class Distill {

    private Distill() {
    }

    /** Mean over rows of T²·Σ_c p_c·(log p_c − log q_c), p = softmax(teacher/T), q = softmax(student/T). */
    public static double kd(float[][] teacher, float[][] student, double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature " + Decimals.plain(temperature) + " must be positive");
        }
        if (teacher.length != student.length || teacher.length == 0) {
            throw new IllegalArgumentException("teacher and student logits need the same, non-zero number of rows: "
                    + teacher.length + " and " + student.length);
        }
        double sum = 0;
        for (int r = 0; r < teacher.length; r++) {
            if (teacher[r].length != student[r].length) {
                throw new IllegalArgumentException("row " + r + " has " + teacher[r].length + " teacher and "
                        + student[r].length + " student logits");
            }
            double[] logP = logSoftmax(teacher[r], temperature);
            double[] logQ = logSoftmax(student[r], temperature);
            double kl = 0;
            for (int c = 0; c < logP.length; c++) kl += Math.exp(logP[c]) * (logP[c] - logQ[c]);
            sum += kl;
        }
        return temperature * temperature * sum / teacher.length;
    }

    /** The same on [rows, classes] arrays. */
    public static double kd(INDArray teacher, INDArray student, double temperature) {
        return kd(rows(teacher), rows(student), temperature);
    }

    private static float[][] rows(INDArray logits) {
        if (logits.rank() != 2) {
            throw new IllegalArgumentException("logits must be [rows, classes], not " + Arrays.toString(logits.shape()));
        }
        return logits.castTo(DataType.FLOAT).toFloatMatrix();
    }

    private static double[] logSoftmax(float[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (float z : logits) max = Math.max(max, z / temperature);
        double sum = 0;
        for (float z : logits) sum += Math.exp(z / temperature - max);
        double lse = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int c = 0; c < logits.length; c++) out[c] = logits[c] / temperature - lse;
        return out;
    }
}
