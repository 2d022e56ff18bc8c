package org.prunesh.ops.model.samediff;

import org.nd4j.linalg.factory.Nd4j;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * Runs a loop over channels (or, for the blocked layout, over samples) on up to as many threads as
 * ND4J uses (OMP_NUM_THREADS), each thread a contiguous range. Every item is computed whole by one
 * thread in a fixed order, so results do not depend on the thread count. The calling thread takes the first range; the others
 * go to daemon threads kept for the JVM's life.
 */
public final class ChannelParallel {

    /** Body of a loop over channels [from, to). */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    private static volatile int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
            Nd4j.getEnvironment().maxThreads()));
    private static ExecutorService workers;

    private ChannelParallel() {
    }

    /** Threads the kernels use from now on (benchmarks compare 1 and 2 in one process). */
    public static void threads(int n) {
        if (n < 1) throw new IllegalArgumentException("thread count must be at least 1, got " + n);
        threads = n;
    }

    public static int threads() {
        return threads;
    }

    static void run(int channels, Range body) {
        int t = Math.min(threads, channels);
        if (t <= 1) {
            body.run(0, channels);
            return;
        }
        Future<?>[] pending = new Future<?>[t - 1];
        ExecutorService pool = pool();
        for (int k = 1; k < t; k++) {
            int from = (int) ((long) channels * k / t), to = (int) ((long) channels * (k + 1) / t);
            pending[k - 1] = pool.submit(() -> body.run(from, to));
        }
        body.run(0, channels / t);
        try {
            for (Future<?> f : pending) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in a batch-norm kernel", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a batch-norm kernel thread failed", e.getCause());
        }
    }

    private static synchronized ExecutorService pool() {
        if (workers == null) {
            workers = Executors.newCachedThreadPool(r -> {
                Thread th = new Thread(r, "prunesh-kernel");
                th.setDaemon(true);
                return th;
            });
        }
        return workers;
    }
}
