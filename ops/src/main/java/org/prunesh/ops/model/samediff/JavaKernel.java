package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.config.ExecutionResult;
import org.nd4j.autodiff.samediff.internal.FrameIter;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.AbstractSession.VarId;
import org.nd4j.autodiff.samediff.config.SDValue;
import org.nd4j.linalg.api.ops.OpContext;

import java.util.Map;
import java.util.Set;

/**
 * A graph op computed in Java from a few native ND4J calls: a layer as one op instead of many
 * native ones (batch norm: 26), so SameDiff's per-op bookkeeping and array management happen once,
 * and the kernel picks its own passes and keeps its temporaries in scratch memory
 * ({@link NativeCalls}). The session parameterises the op as usual (inputs,
 * arguments, outputs allocated from the op's {@code calculateOutputShape}); {@link #execute} fills
 * the outputs. Sessions run it through {@link #run}: SameDiff's inference sessions once
 * {@link #install} has bound {@link Session} as their factory, the trainer's session directly.
 */
public interface JavaKernel {

    /** Reads the inputs and arguments of {@code ctx} and writes every output array it holds. */
    void execute(OpContext ctx);

    /** The op's result when it is a kernel, or null: the caller executes it natively. */
    static ExecutionResult run(DifferentialFunction op, OpContext ctx) {
        if (!(op instanceof JavaKernel kernel)) return null;
        kernel.execute(ctx);
        return ExecutionResult.createFrom(op, ctx);
    }

    /** Makes every SameDiff inference session created from now on able to run kernels. */
    static void install() {
        Session.bind();
    }

    /** SameDiff's inference session with kernels executed in Java (output(), calculateGradients). */
    final class Session extends InferenceSession {
        private static boolean bound;

        private static synchronized void bind() {
            if (!bound) bound = SameDiff.bindInferenceFactory(Session::new);
        }

        Session(SameDiff sd) {
            super(sd);
        }

        @Override
        public ExecutionResult doExec(DifferentialFunction op, OpContext ctx, FrameIter frame, Set<VarId> inputs,
                                      Set<VarId> iterationInputs, Set<String> constants,
                                      Map<String, SDValue> otherPlaceholders) {
            ExecutionResult result = run(op, ctx);
            return result != null ? result
                    : super.doExec(op, ctx, frame, inputs, iterationInputs, constants, otherPlaceholders);
        }
    }
}
