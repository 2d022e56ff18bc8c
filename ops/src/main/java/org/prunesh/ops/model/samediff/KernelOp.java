package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

import java.util.Map;

/**
 * A graph op computed in Java ({@link JavaKernel}) with no native counterpart: SameDiff copies it by
 * name ({@link OpReplacements}), and its state travels as op arguments, not as properties.
 */
abstract class KernelOp extends DynamicCustomOp implements JavaKernel {

    KernelOp() {
    }

    KernelOp(SameDiff sd, SDVariable... inputs) {
        super(null, sd, inputs);
    }

    /** Only asked for when something executes the op natively, which it cannot be. */
    @Override
    public long opHash() {
        throw new IllegalStateException(opName() + " runs in Java only, in SameDiff sessions created after "
                + "JavaKernel.install(); it was sent to the native executioner (SameDiff.fit is not supported)");
    }

    @Override
    public Map<String, Object> propertiesForFunction() {
        return Map.of();
    }

    @Override
    public void setPropertiesForFunction(Map<String, Object> properties) {
    }
}
