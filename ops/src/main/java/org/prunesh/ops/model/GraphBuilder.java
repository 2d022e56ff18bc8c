package org.prunesh.ops.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Adds layers to a SameDiff graph, naming tensors the PyTorch way ({@code conv1.weight},
 * {@code fc1.bias}) and recording them as {@link ParamInfo}. Weights are He-normal initialised
 * from one seeded stream, so a spec and a seed always give the same network.
 */
final class GraphBuilder {

    private final SameDiff sd;
    private final SplittableRandom random;
    private final List<ParamInfo> params = new ArrayList<>();
    private int layerIndex;

    GraphBuilder(SameDiff sd, long seed) {
        this.sd = sd;
        this.random = new SplittableRandom(seed);
    }

    List<ParamInfo> params() {
        return params;
    }

    /** 2-D convolution, NCHW; weights [kH, kW, inChannels, outChannels] (SameDiff's layout). */
    SDVariable conv(String layer, SDVariable x, long inChannels, int outChannels, int kernel, PaddingMode padding) {
        long[] wShape = {kernel, kernel, inChannels, outChannels};
        SDVariable w = weight(layer, wShape, kernel * kernel * inChannels);
        SDVariable b = bias(layer, outChannels);
        Conv2DConfig config = Conv2DConfig.builder().kH(kernel).kW(kernel).sH(1).sW(1)
                .paddingMode(padding).dataFormat("NCHW").build();
        layerIndex++;
        return sd.cnn().conv2d(layer, x, w, b, config);
    }

    /** Fully connected layer x·W + b; weights [in, out]. */
    SDVariable dense(String layer, SDVariable x, long in, int out) {
        SDVariable w = weight(layer, new long[]{in, out}, in);
        SDVariable b = bias(layer, out);
        layerIndex++;
        return sd.nn().linear(layer, x, w, b);
    }

    SDVariable relu(SDVariable x) {
        return sd.nn().relu(x, 0.0);
    }

    SDVariable maxPool2(SDVariable x) {
        Pooling2DConfig config = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2)
                .type(Pooling2D.Pooling2DType.MAX).paddingMode(PaddingMode.VALID).isNHWC(false).build();
        return sd.cnn().maxPooling2d(x, config);
    }

    private SDVariable weight(String layer, long[] shape, long fanIn) {
        String name = layer + ".weight";
        int n = 1;
        for (long d : shape) n *= (int) d;
        float[] values = new float[n];
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < n; i++) values[i] = (float) (std * gaussian());
        params.add(new ParamInfo(name, shape.clone(), ParamKind.WEIGHT, layer, layerIndex));
        return sd.var(name, Nd4j.create(values, shape, 'c'));
    }

    private SDVariable bias(String layer, int size) {
        String name = layer + ".bias";
        params.add(new ParamInfo(name, new long[]{size}, ParamKind.BIAS, layer, layerIndex));
        return sd.var(name, Nd4j.zeros(DataType.FLOAT, size));
    }

    private double gaussian() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
