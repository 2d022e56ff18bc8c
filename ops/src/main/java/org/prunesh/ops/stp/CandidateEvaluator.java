package org.prunesh.ops.stp;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.train.Evaluator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * KD-guided scoring of candidate subnets on a {@link org.prunesh.ops.model.Slimming} network:
 * the full network's logits on held-out batches are computed once; each candidate is realised by
 * masks, its batch-norm statistics are recalibrated on training batches, and its score is the KD
 * loss T²·KL(full ‖ subnet) on the held-out batches (lower is better). {@link #close()} puts the
 * full network back: all channels on, its own statistics restored.
 */
public final class CandidateEvaluator implements ToDoubleFunction<Arch>, AutoCloseable {

    private final Network net;
    private final ChannelOrder order;
    private final List<INDArray> calibration;
    private final List<INDArray> heldOut;
    private final List<INDArray> teacher = new ArrayList<>();
    private final double temperature;
    private final Map<String, INDArray> savedStatistics = new HashMap<>();
    /** The arch whose masks and statistics the network holds now, so that scoring then measuring it recalibrates once. */
    private Arch realised;

    /**
     * @param calibration training inputs for the per-candidate batch-norm recalibration
     * @param heldOut     inputs never trained on, where the KD loss is measured (empty when the
     *                    evaluator only realises and extracts)
     */
    public CandidateEvaluator(Network net, ChannelOrder order, List<INDArray> calibration, List<INDArray> heldOut,
                              double temperature) {
        StpGraph.requireSlimmable(net);
        this.net = net;
        this.order = order;
        this.calibration = List.copyOf(calibration);
        this.heldOut = List.copyOf(heldOut);
        this.temperature = temperature;
        for (String b : net.buffers()) savedStatistics.put(b, net.array(b).dup());
        StpGraph.reset(net, 0);
        for (INDArray x : heldOut) teacher.add(Evaluator.logits(net, x));
    }

    @Override
    public double applyAsDouble(Arch arch) {
        if (heldOut.isEmpty()) throw new IllegalStateException("scoring candidates needs held-out batches");
        realise(arch);
        double sum = 0;
        long n = 0;
        for (int i = 0; i < heldOut.size(); i++) {
            long rows = heldOut.get(i).size(0);
            sum += rows * Distill.kd(teacher.get(i), Evaluator.logits(net, heldOut.get(i)), temperature);
            n += rows;
        }
        return sum / n;
    }

    /** Masks {@code arch} on and recalibrates batch-norm statistics for it; {@link #close()} undoes it. */
    public StpGraph.Kept realise(Arch arch) {
        StpGraph.Kept kept = StpGraph.Kept.of(net.architecture(), arch, order);
        if (arch.equals(realised)) return kept;
        StpGraph.apply(net, 0, kept);
        net.batchNorm().recalibrate(calibration);
        realised = arch;
        return kept;
    }

    /** The accuracy of {@code arch}, realised as for scoring, on labelled inputs (the held-out split). */
    public double accuracy(Arch arch, INDArray x, INDArray y) {
        realise(arch);
        return Evaluator.evaluate(net, x, y, 1000).accuracy();
    }

    /** The number of training batches batch norm is recalibrated on per candidate. */
    public int calibrationBatches() {
        return calibration.size();
    }

    /** The physically smaller network of {@code arch}, with statistics recalibrated for it. */
    public Network extract(Arch arch) {
        return Extraction.extract(net, realise(arch));
    }

    @Override
    public void close() {
        realised = null;
        StpGraph.reset(net, 0);
        savedStatistics.forEach((name, value) -> net.array(name).assign(value));
    }
}
