package org.prunesh.ops.model.samediff;

import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Convolution weights held, between optimizer steps, in the blocked layout oneDNN's forward kernel
 * reads ({@code OIhw16i16o} and kin) instead of ND4J's [kH, kW, in, out]. Held plain, a weight is
 * reordered three times per step: into the forward kernel's layout, into the backward-data kernel's,
 * and its gradient out of the backward-weights kernel's (which is the forward's). Held blocked, only
 * the backward-data reorder is left: the forward binds the array as it is and the weight gradient
 * comes out in the same layout, so that the optimizer's element-wise update, the masks and the
 * momentum (converted along with it) need nothing else.
 *
 * <p>The layout is a permutation of the elements, so every reader that indexes a weight (selection,
 * checkpoints, export, structured pruning) must see it plain: only the trainer converts, for the
 * steps in between, and converts back before anything else looks ({@code LayoutWindow}). Each
 * convolution publishes the layout its forward kernel wants per weight buffer ({@link #prefer});
 * {@link #toBlocked} uses it when it has exactly as many elements as the plain weight (no padding).
 * The convolutions look a weight's layout up by its buffer address on every call ({@link #of}).
 */
public final class BlockedWeights {

    /** A blocked layout with a small id for plan keys (memory descriptors have no usable hash). */
    record Layout(int id, memory.desc desc, long[] dims) {
    }

    private static final List<Layout> LAYOUTS = new ArrayList<>();
    /** Weight buffers held blocked, by address. */
    private static final Map<Long, Layout> BLOCKED = new ConcurrentHashMap<>();
    /** The forward kernel's layout per weight buffer, as its convolution last published it. */
    private static final Map<Long, Layout> PREFERRED = new ConcurrentHashMap<>();

    private BlockedWeights() {
    }

    private static long address(INDArray a) {
        return a.data().address() + a.offset() * a.dataType().width();
    }

    /** The layout {@code w} is held in, or null when plain. */
    static Layout of(INDArray w) {
        return BLOCKED.isEmpty() ? null : BLOCKED.get(address(w));
    }

    /**
     * The layout {@code d} a forward kernel wants for weights of oneDNN dimensions {@code dims}, or null
     * when it pads them (8 channels in a 16-block: the weight's own buffer cannot hold it). Once per plan.
     */
    static Layout wanted(memory.desc d, long[] dims) {
        return d.get_size() == dims[0] * dims[1] * dims[2] * dims[3] * Float.BYTES ? intern(d, dims) : null;
    }

    /** Records that the forward kernel of a convolution of {@code w} wants {@code wanted} (null: none). */
    static void prefer(INDArray w, Layout wanted) {
        if (wanted == null || w.dataType() != DataType.FLOAT) return;
        long key = address(w);
        if (PREFERRED.get(key) != wanted) PREFERRED.put(key, wanted);
    }

    private static synchronized Layout intern(memory.desc d, long[] dims) {
        for (Layout l : LAYOUTS) if (l.desc().equals(d)) return l;
        Layout l = new Layout(LAYOUTS.size() + 1, d, dims.clone());
        LAYOUTS.add(l);
        return l;
    }

    /** Whether {@code w} is held blocked. */
    public static boolean blocked(INDArray w) {
        return of(w) != null;
    }

    /**
     * Puts {@code w} and its {@code companions} (arrays updated element by element with it: mask,
     * optimizer state) into the layout its convolution published. False, and nothing changed, when
     * none is known yet (no forward has run), it would pad, or {@code w} is not one dense float buffer;
     * the companions are only looked up when {@code w} is converted (the trainer asks every step).
     */
    public static boolean toBlocked(INDArray w, Supplier<List<INDArray>> companionsOf) {
        if (blocked(w)) return true;
        Layout l = ArrayLayout.dense(w) ? PREFERRED.get(address(w)) : null;
        // published for another array at this address earlier (a freed network's) unless the shape matches
        if (l == null || !Arrays.equals(l.dims(), ConvArgs.oneDnnWeights(w.shape()))) return false;
        memory.desc plain = plain(w);
        if (plain.equals(l.desc())) return false;
        List<INDArray> companions = companionsOf.get();
        for (INDArray c : companions) requireCompanion(w, c);
        reorder(w, plain, l.desc());
        for (INDArray c : companions) reorder(c, plain, l.desc());
        BLOCKED.put(address(w), l);
        return true;
    }

    /** Puts {@code w} and its {@code companions} back into [kH, kW, in, out]; nothing when {@code w} is plain. */
    public static void toPlain(INDArray w, List<INDArray> companions) {
        Layout l = of(w);
        if (l == null) return;
        memory.desc plain = plain(w);
        for (INDArray c : companions) requireCompanion(w, c);
        reorder(w, l.desc(), plain);
        for (INDArray c : companions) reorder(c, l.desc(), plain);
        BLOCKED.remove(address(w));
    }

    /** The plain weight as oneDNN describes it: [out, in, kH, kW] dimensions over ND4J's [kH, kW, in, out] memory. */
    static memory.desc plain(INDArray w) {
        return desc(null, ConvArgs.oneDnnWeights(w.shape()));
    }

    /** A weight buffer of oneDNN dimensions {@code dims} as it lies: in {@code held}, or plain when that is null. */
    static memory.desc desc(Layout held, long[] dims) {
        return held != null ? held.desc() : new memory.desc(dims, memory.data_type.f32, memory.format_tag.hwio);
    }

    private static void requireCompanion(INDArray w, INDArray c) {
        if (c.length() != w.length() || c.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("a companion of a " + Arrays.toString(w.shape())
                    + " weight must be a float array of as many elements, not " + c.dataType() + " "
                    + Arrays.toString(c.shape()));
        }
    }

    /** a's elements in C order, read as layout {@code from}, rewritten as layout {@code to}. */
    private static void reorder(INDArray a, memory.desc from, memory.desc to) {
        INDArray src = a.dup('c');
        INDArray dst = Nd4j.createUninitialized(DataType.FLOAT, a.shape(), 'c');
        stream s = OneDnn.stream();
        try (memory in = new memory(from, OneDnn.engine(), src.data().addressPointer());
             memory out = new memory(to, OneDnn.engine(), dst.data().addressPointer());
             reorder r = new reorder(in, out)) {
            r.execute(s, in, out);
            s._wait();
        }
        a.assign(dst);
    }
}
