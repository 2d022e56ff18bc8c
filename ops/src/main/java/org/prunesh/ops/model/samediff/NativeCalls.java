package org.prunesh.ops.model.samediff;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Native custom-op calls through op contexts kept per thread (Java kernels, in-place updates). {@code Nd4j.exec(op)}
 * creates and destroys a native context on every call (8-10 µs against 2-4 with a kept one), and a
 * batch-norm kernel makes about ten calls, on tensors as small as [128, 128, 2, 2]. A context is
 * kept per op and argument count: setting an empty argument list does not clear the previous
 * call's (a reduction then read biasadd's boolean as keepDims).
 */
public final class NativeCalls {

    private static final boolean[] NO_BOOLS = {};
    private static final double[] NO_DOUBLES = {};

    private static final ThreadLocal<NativeCalls> PER_THREAD = ThreadLocal.withInitial(NativeCalls::new);

    private final Map<String, OpContext> contexts = new HashMap<>();
    private final Map<String, DynamicCustomOp> ops = new HashMap<>();
    private final Map<String, INDArray> scratch = new HashMap<>();

    private NativeCalls() {
    }

    public static void run(String op, INDArray[] inputs, INDArray[] outputs, long... ints) {
        run(op, inputs, outputs, ints, NO_BOOLS, NO_DOUBLES);
    }

    /** Runs native op {@code op}; its outputs are the given arrays. */
    public static void run(String op, INDArray[] inputs, INDArray[] outputs, long[] ints, boolean[] bools, double[] doubles) {
        NativeCalls calls = PER_THREAD.get();
        String key = op + '/' + ints.length + '/' + bools.length + '/' + doubles.length;
        OpContext ctx = calls.contexts.computeIfAbsent(key, k -> Nd4j.getExecutioner().buildContext());
        ctx.setInputArrays(inputs);
        ctx.setOutputArrays(outputs);
        ctx.setIArguments(ints);
        ctx.setBArguments(bools);
        ctx.setTArguments(doubles);
        try {
            Nd4j.exec(calls.ops.computeIfAbsent(op, name -> DynamicCustomOp.builder(name).build()), ctx);
        } finally {
            ctx.purge();   // the context would otherwise keep the arrays' buffers referenced
        }
    }

    /**
     * A per-thread scratch array for {@code slot}, one per shape, reused by every later call:
     * allocating costs several µs plus JavaCPP's memory accounting, and kernels' temporaries are
     * small and dead when the kernel returns.
     */
    static INDArray scratch(String slot, long... shape) {
        return PER_THREAD.get().scratch.computeIfAbsent(slot + Arrays.toString(shape),
                k -> Nd4j.createUninitializedDetached(DataType.FLOAT, shape));
    }

    /** A per-thread array of ones for {@code slot}, one per shape; callers only read it. */
    static INDArray ones(String slot, long... shape) {
        return PER_THREAD.get().scratch.computeIfAbsent(slot + Arrays.toString(shape),
                k -> Nd4j.createUninitializedDetached(DataType.FLOAT, shape).assign(1));
    }

    /** {@code values} as float in a scratch vector of theirs (one bulk copy, not an element-wise put). */
    static INDArray vector(String slot, double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        INDArray out = scratch(slot, f.length);
        new FloatPointer(out.data().addressPointer()).put(f, 0, f.length);
        return out;
    }

    public static INDArray[] of(INDArray... arrays) {
        return arrays;
    }
}
