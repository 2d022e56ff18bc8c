package org.prunesh.ops.model.samediff;

import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One array of a oneDNN call: the user memory over the ND4J buffer (bound per call) and, when the
 * primitive wants another layout, a buffer in that layout with the reorder between the two.
 */
final class OneDnnPort {
    /** Ports built with a reorder, for tests that a plan reorders only what it must. */
    static final AtomicLong REORDERING = new AtomicLong();

    final memory user, inner;
    private final reorder copy;

    /** {@code in}: the copy runs user to inner before the primitive, else inner to user after. */
    OneDnnPort(long[] dims, memory.format_tag tag, memory.desc wanted, boolean in) {
        this(new memory.desc(dims, memory.data_type.f32, tag), wanted, in);
    }

    /** With the ND4J buffer in layout {@code held} (a weight held blocked, {@link BlockedWeights}). */
    OneDnnPort(memory.desc held, memory.desc wanted, boolean in) {
        user = new memory(held, OneDnn.engine(), null);
        if (wanted.equals(user.get_desc())) {
            inner = user;
            copy = null;
        } else {
            REORDERING.incrementAndGet();
            inner = new memory(wanted, OneDnn.engine());
            copy = in ? new reorder(user, inner) : new reorder(inner, user);
        }
    }

    /** A whole C-ordered float array ({@link ArrayLayout#whole}); the handle is its buffer's start. */
    void bind(INDArray a) {
        user.set_data_handle(a.data().addressPointer());
    }

    void copyIn(stream s) {
        if (copy != null) copy.execute(s, user, inner);
    }

    void copyOut(stream s) {
        if (copy != null) copy.execute(s, inner, user);
    }

    void close() {
        if (copy != null) {
            copy.close();
            inner.close();
        }
        user.close();
    }
}
