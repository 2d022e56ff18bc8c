package org.prunesh.ops.model.samediff;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.autodiff.samediff.internal.memory.AbstractMemoryMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.BaseNDArray;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SameDiff session's array memory, reused from one training step to the next. M2.1's own
 * {@code ArrayCacheMemoryMgr} files released arrays by type and shape only and, when it hands one
 * out for a request of the other memory order, flips the array's order flag without its strides
 * ('f' with c strides). Within one step that never happens, but a session kept across steps
 * reuses the previous step's arrays, and an op then writes in one layout what the next reads in
 * the other: that is why {@code fit(iterator)} diverged from plain SGD from its second batch
 * (measured: the first layer's output off by 3.9 on the second batch of an MLP).
 *
 * <p>Here every array is allocated the way M2.1 allocates a fresh one (C order, whatever order the
 * descriptor names, which is what a step without reuse computes with), and only arrays this cache
 * handed out, unchanged in shape and layout, are taken back for reuse.
 *
 * <p>SameDiff never releases some arrays of a training step (requested gradients, and outputs
 * whose consumers it tracks imperfectly: measured 35 activation-sized arrays per ResNet-20 step),
 * which left each step allocating them afresh and the garbage collector freeing their native
 * memory. {@link #recycle} takes back everything handed out since its last call: the owner calls
 * it when a step is over and nothing of it is in use any more.
 */
public final class SessionArrayCache extends AbstractMemoryMgr {

    /** Same bound as M2.1's cache: a quarter of the memory JavaCPP may use. */
    private final long maxBytes = Pointer.maxBytes() / 4;
    private final Map<String, ArrayDeque<INDArray>> free = new HashMap<>();
    private final Set<INDArray> cached = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<INDArray> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<INDArray> deferred = new ArrayList<>();
    private boolean deferring;
    private long cachedBytes;

    @Override
    public INDArray allocate(boolean detached, DataType dataType, long... shape) {
        INDArray reused = take(dataType, shape);
        INDArray out = reused != null ? reused : Nd4j.createUninitializedDetached(dataType, shape);
        handedOut.add(out);
        return out;
    }

    @Override
    public INDArray allocate(boolean detached, LongShapeDescriptor descriptor) {
        if (descriptor.isEmpty()) return Nd4j.create(descriptor);
        return allocate(detached, descriptor.dataType(), descriptor.getShape());
    }

    @Override
    public void release(INDArray array) {
        if (array == null || cached.contains(array)) return;
        if (deferring) {
            deferred.add(array);
            return;
        }
        // Only arrays this cache made come back: the session also releases arrays it did not
        // allocate here (an identity op's output is its input, which may be a variable).
        if (!handedOut.remove(array)) return;
        if (!keep(array) && array.closeable()) array.close();
    }

    /**
     * Holds releases until {@link #releaseDeferred}: the session frees an op's unrequested outputs
     * inside the op's execution, before a training session has applied the optimizer to them.
     */
    public void deferReleases() {
        deferring = true;
    }

    public void releaseDeferred() {
        deferring = false;
        for (INDArray a : deferred) release(a);
        deferred.clear();
    }

    /**
     * Takes back every array handed out and not released since the last call. Only for when the
     * session's work is done: a step's arrays are valid inside it (listeners copy what they keep).
     */
    public void recycle() {
        // Arrays that cannot be kept are left to the garbage collector, not closed: SameDiff did not
        // say they are free, so their buffers may be shared.
        for (INDArray a : handedOut) if (!cached.contains(a)) keep(a);
        handedOut.clear();
    }

    /** Files {@code array} for reuse if it can be reused and the cache has room; false otherwise. */
    private boolean keep(INDArray array) {
        long bytes = reusable(array) ? array.length() * array.dataType().width() : -1;
        if (bytes < 0 || cachedBytes + bytes > maxBytes) return false;
        free.computeIfAbsent(key(array.dataType(), array.shape()), k -> new ArrayDeque<>()).push(array);
        cached.add(array);
        cachedBytes += bytes;
        return true;
    }

    @Override
    public void close() {
        for (ArrayDeque<INDArray> arrays : free.values()) {
            for (INDArray a : arrays) if (a.closeable()) a.close();
        }
        free.clear();
        cached.clear();
        handedOut.clear();
        cachedBytes = 0;
    }

    private INDArray take(DataType dataType, long[] shape) {
        for (long d : shape) if (d == 0) return null;
        ArrayDeque<INDArray> arrays = free.get(key(dataType, shape));
        INDArray a = arrays == null ? null : arrays.poll();
        if (a == null) return null;
        cached.remove(a);
        cachedBytes -= a.length() * dataType.width();
        // SameDiff tracks arrays by id: a reused array must look like a new one, as in M2.1's cache.
        ((BaseNDArray) a).assignNewId();
        return a;
    }

    /**
     * A whole, C-ordered array, exactly what {@link #allocate} makes. Whether a view of it is still
     * in use cannot be read from the buffer: libnd4j's use count also counts op contexts and views
     * that are dead but not yet collected (a step's weight gradients read 4, reshaped once by the
     * updater), and it is not raised by every view. Checking it kept 98% of a VGG-19 step's arrays
     * out of reuse. No op of a session makes its output a view of its input (identity passes the
     * same array, which is released once); listeners copy what they keep.
     */
    private static boolean reusable(INDArray a) {
        if (a.wasClosed() || a.data() == null || a.isEmpty() || a.isView()) return false;
        return a.dataType() != DataType.UTF8 && ArrayLayout.whole(a);
    }

    private static String key(DataType dataType, long[] shape) {
        return dataType + Arrays.toString(shape);
    }
}
