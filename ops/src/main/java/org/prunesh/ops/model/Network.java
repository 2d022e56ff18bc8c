package org.prunesh.ops.model;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * A SameDiff graph with the names the trainer needs: placeholders {@code input} ([n, features])
 * and {@code label} (one-hot), outputs {@code logits} and the scalar training {@code loss}.
 * {@code params} lists the trainable tensors in forward order.
 */
public record Network(SameDiff graph, ModelSpec spec, long[] sampleShape, int classes, double labelSmoothing,
                      List<ParamInfo> params) {

    public static final String INPUT = "input";
    public static final String LABEL = "label";
    public static final String LOGITS = "logits";
    public static final String LOSS = "loss";

    public Network {
        params = List.copyOf(params);
    }

    /** The live array of a trainable tensor (updates to it change the network). */
    public INDArray array(String paramName) {
        return graph.getVariable(paramName).getArr();
    }

    public long parameterCount() {
        return params.stream().mapToLong(ParamInfo::size).sum();
    }
}
