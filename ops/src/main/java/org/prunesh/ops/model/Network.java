package org.prunesh.ops.model;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * A SameDiff graph with the names the trainer needs: placeholders {@code input} ([n, features])
 * and {@code label} (one-hot), outputs {@code logits} and the scalar training {@code loss}.
 * {@code params} lists the trainable tensors in forward order; {@code batchNorm} holds the
 * batch-norm mode and running statistics (no layers for networks without batch norm), whose
 * {@link #buffers() buffers} a checkpoint must save along with the parameters. {@code slimming} is
 * null unless the network was built with channel masks (and stimulative-training branches).
 */
public record Network(SameDiff graph, ModelSpec spec, long[] sampleShape, int classes, double labelSmoothing,
                      List<ParamInfo> params, Architecture architecture, BatchNormState batchNorm,
                      Slimming slimming) {

    public static final String INPUT = "input";
    public static final String LABEL = "label";
    public static final String LOGITS = "logits";
    public static final String LOSS = "loss";

    public Network {
        params = List.copyOf(params);
    }

    /** The live array of a trainable tensor or buffer (updates to it change the network). */
    public INDArray array(String name) {
        return graph.getVariable(name).getArr();
    }

    /** Non-trainable state (batch-norm running statistics), in network order. */
    public List<String> buffers() {
        return batchNorm.bufferNames();
    }

    public long parameterCount() {
        return params.stream().mapToLong(ParamInfo::size).sum();
    }
}
