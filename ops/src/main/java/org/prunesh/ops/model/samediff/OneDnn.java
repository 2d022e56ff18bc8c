package org.prunesh.ops.model.samediff;

import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.stream;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * oneDNN 2.5 called directly (JavaCPP's dnnl preset) for what libnd4j's own oneDNN calls do
 * slowly and cannot be told otherwise. libnd4j's {@code conv2d_bp} asks oneDNN for
 * {@code convolution_auto}, which picks the Winograd kernel for stride-1 3x3 backward data on
 * AVX-512 (3.6-3.9x the forward call of the same shape), its {@code conv2d} computes in NHWC with
 * reorders to and from it on every call. Only on the CPU backend, and not with
 * {@code -Dprunesh.conv=native}, which keeps libnd4j's ops (the other backends' path, tested on CPU
 * through it).
 */
final class OneDnn {

    static final String PROPERTY = "prunesh.conv";

    private static final boolean AVAILABLE = loads();
    private static final ThreadLocal<stream> STREAMS = ThreadLocal.withInitial(() -> new stream(Engine.CPU));

    private OneDnn() {
    }

    /** True when the fast graph's convolutions go through {@link ConvForward} and {@link ConvBackward}. */
    static boolean enabled() {
        return AVAILABLE && !"native".equals(System.getProperty(PROPERTY));
    }

    static engine engine() {
        return Engine.CPU;
    }

    /** One stream per thread: a oneDNN stream is not safe to share between threads. */
    static stream stream() {
        return STREAMS.get();
    }

    /** What a call keeps between steps: primitives and blocked buffers, freed when evicted. */
    interface Plan extends AutoCloseable {
        @Override
        void close();
    }

    /** Plans kept per thread; a run uses a handful of shapes, a long REPL session may see more. */
    private static final int PLANS = 64;
    private static final ThreadLocal<Map<String, Plan>> PLAN_CACHE = ThreadLocal.withInitial(() ->
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Plan> eldest) {
                    if (size() <= PLANS) return false;
                    eldest.getValue().close();
                    return true;
                }
            });

    /** This thread's plan for {@code key}, built on first use. */
    @SuppressWarnings("unchecked")
    static <P extends Plan> P plan(String key, Supplier<P> build) {
        Map<String, Plan> plans = PLAN_CACHE.get();
        Plan p = plans.get(key);
        if (p == null) {
            p = build.get();
            plans.put(key, p);
        }
        return (P) p;
    }

    private static boolean loads() {
        if (!Nd4j.getEnvironment().isCPU()) return false;
        try {
            return Engine.CPU != null;
        } catch (Throwable e) {
            // no dnnl build for this platform (its native library did not load): libnd4j's op stays
            return false;
        }
    }

    /** Created on first use, so that a platform without the library fails in {@link #loads} only. */
    private static final class Engine {
        static final engine CPU = new engine(engine.kind.cpu, 0);
    }
}
