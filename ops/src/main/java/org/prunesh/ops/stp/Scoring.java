package org.prunesh.ops.stp;

import org.prunesh.ops.prune.Decimals;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.prunesh.ops.data.Dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * How candidate subnets are scored and realised, one value for search and extraction alike, so
 * that the subnet extracted is the one that was scored: batch-norm statistics recalibrated on the
 * first {@code calibrationBatches} training batches (in data order, not augmented, as precise
 * batch norm uses), and the KD loss at {@code temperature} on the first {@code heldOutBatches}
 * batches of the held-out split.
 */
public record Scoring(int calibrationBatches, int heldOutBatches, int batchSize, double temperature) {

    public static final int DEFAULT_CALIBRATION_BATCHES = 20;
    public static final int DEFAULT_HELD_OUT_BATCHES = 4;
    /** KD scores compare predictive distributions as they are. */
    public static final double DEFAULT_TEMPERATURE = 1.0;

    public Scoring {
        if (calibrationBatches < 1) {
            throw new IllegalArgumentException("calibration needs at least one batch, not " + calibrationBatches);
        }
        if (heldOutBatches < 1) {
            throw new IllegalArgumentException("scoring needs at least one held-out batch, not " + heldOutBatches);
        }
        if (batchSize < 1) throw new IllegalArgumentException("batch size " + batchSize + " must be positive");
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature " + Decimals.plain(temperature) + " must be positive");
        }
    }

    public static Scoring defaults(int batchSize) {
        return new Scoring(DEFAULT_CALIBRATION_BATCHES, DEFAULT_HELD_OUT_BATCHES, batchSize, DEFAULT_TEMPERATURE);
    }

    /** The training inputs batch norm is recalibrated on. */
    public List<INDArray> calibration(Dataset data) {
        return batches(data.trainX(), data.trainSize(), calibrationBatches);
    }

    /** The held-out inputs the KD loss is measured on. */
    public List<INDArray> heldOut(Dataset data) {
        if (data.heldOutSize() == 0) {
            throw new IllegalArgumentException("search scores candidates on held-out data, and this data set has none");
        }
        return batches(data.heldOutX(), data.heldOutSize(), heldOutBatches);
    }

    /** An evaluator that scores on held-out data. */
    public CandidateEvaluator evaluator(org.prunesh.ops.model.Network net, ChannelOrder order, Dataset data) {
        return new CandidateEvaluator(net, order, calibration(data), heldOut(data), temperature);
    }

    /** An evaluator that only realises and extracts, with the same calibration as scoring. */
    public CandidateEvaluator extractor(org.prunesh.ops.model.Network net, ChannelOrder order, Dataset data) {
        return new CandidateEvaluator(net, order, calibration(data), List.of(), temperature);
    }

    private List<INDArray> batches(INDArray x, long size, int count) {
        List<INDArray> out = new ArrayList<>();
        for (long start = 0; start < size && out.size() < count; start += batchSize) {
            out.add(x.get(NDArrayIndex.interval(start, Math.min(size, start + batchSize)), NDArrayIndex.all()).dup());
        }
        return out;
    }
}
