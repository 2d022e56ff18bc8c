package org.prunesh.ops.model;

import java.util.Arrays;

/**
 * A trainable tensor of a network. Names are stable across builds of the same model spec
 * (for example {@code conv1/W}, {@code fc2/b}), so scripts can exclude them by glob.
 *
 * @param layer      the layer the tensor belongs to, e.g. {@code conv1}
 * @param layerIndex position of the layer in forward order, from 0
 */
public record ParamInfo(String name, long[] shape, ParamKind kind, String layer, int layerIndex) {

    public long size() {
        return Arrays.stream(shape).reduce(1L, (a, b) -> a * b);
    }
}
