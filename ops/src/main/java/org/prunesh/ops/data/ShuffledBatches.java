package org.prunesh.ops.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Mini-batches over in-memory arrays in an order that is a pure function of (seed, epoch), so a
 * resumed run sees the same batches. Every reset() starts the next epoch with a fresh shuffle.
 * No asynchronous prefetch: it would make the order depend on threads.
 */
public final class ShuffledBatches implements DataSetIterator {

    private final INDArray x;
    private final INDArray y;
    private final int batch;
    private final long seed;
    private final boolean shuffle;
    private final Augmentation augmentation;
    private final long[] sampleShape;
    private final float[] black;
    private int epoch;
    private int[] order;
    private int cursor;

    public ShuffledBatches(INDArray x, INDArray y, int batch, long seed, boolean shuffle) {
        this(x, y, batch, seed, shuffle, Augmentation.NONE, null, null);
    }

    /** Batches of {@code data}'s training split, augmented (the same way for the same seed and epoch). */
    public static ShuffledBatches training(Dataset data, int batch, long seed, Augmentation augmentation) {
        if (!augmentation.isNone() && !data.isImage()) {
            throw new IllegalArgumentException("augmentation needs image data; " + data.name() + " has flat samples");
        }
        return new ShuffledBatches(data.trainX(), data.trainY(), batch, seed, true, augmentation,
                data.sampleShape(), data.blackPixel());
    }

    private ShuffledBatches(INDArray x, INDArray y, int batch, long seed, boolean shuffle,
                            Augmentation augmentation, long[] sampleShape, float[] black) {
        this.augmentation = augmentation;
        this.sampleShape = sampleShape;
        this.black = black;
        this.x = x;
        this.y = y;
        this.batch = batch;
        this.seed = seed;
        this.shuffle = shuffle;
        this.epoch = 0;
        this.order = orderFor(0);
    }

    /** Positions the iterator at the start of {@code epoch} (0-based). */
    public void startEpoch(int epoch) {
        startEpoch(epoch, 0);
    }

    /**
     * Positions the iterator after the first {@code batchesDone} batches of {@code epoch}: the next
     * batch is the one an uninterrupted pass would give there, augmented the same way.
     */
    public void startEpoch(int epoch, int batchesDone) {
        if (batchesDone < 0 || batchesDone > batchesPerEpoch()) {
            throw new IllegalArgumentException("an epoch has " + batchesPerEpoch() + " batches, not " + batchesDone);
        }
        this.epoch = epoch;
        this.order = orderFor(epoch);
        this.cursor = (int) Math.min((long) batchesDone * batch, order.length);
    }

    /** Batches of the current epoch handed out so far. */
    public int batchesDone() {
        return (cursor + batch - 1) / batch;
    }

    public int epoch() {
        return epoch;
    }

    public int batchesPerEpoch() {
        return (int) ((x.size(0) + batch - 1) / batch);
    }

    private int[] orderFor(int epoch) {
        int n = (int) x.size(0);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        if (shuffle) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
        }
        return idx;
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public DataSet next() {
        return next(batch);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) throw new NoSuchElementException();
        int end = Math.min(cursor + num, order.length);
        int[] rows = new int[end - cursor];
        System.arraycopy(order, cursor, rows, 0, rows.length);
        int batchIndex = cursor / batch;
        cursor = end;
        INDArray features = Nd4j.pullRows(x, 1, rows);
        if (!augmentation.isNone()) {
            float[] values = features.dup('c').data().asFloat();
            // Seeded by (seed, epoch, batch): a resumed run augments exactly as an uninterrupted one.
            SplittableRandom random = new SplittableRandom((seed * 1_000_003L + epoch) * 1_000_033L + batchIndex);
            augmentation.apply(values, (int) sampleShape[0], (int) sampleShape[1], (int) sampleShape[2], black, random);
            features = Nd4j.create(values, features.shape(), features.dataType());
        }
        return new DataSet(features, Nd4j.pullRows(y, 1, rows));
    }

    @Override
    public void reset() {
        // SameDiff resets once before each fit(...) epoch; a reset on a fresh epoch must not skip one.
        if (cursor == 0) return;
        startEpoch(epoch + 1);
    }

    @Override public int inputColumns() { return (int) x.size(1); }
    @Override public int totalOutcomes() { return (int) y.size(1); }
    @Override public boolean resetSupported() { return true; }
    @Override public boolean asyncSupported() { return false; }
    @Override public int batch() { return batch; }
    @Override public void setPreProcessor(DataSetPreProcessor preProcessor) {
        throw new IllegalStateException("ShuffledBatches applies no preprocessor; data is normalised at load");
    }
    @Override public DataSetPreProcessor getPreProcessor() { return null; }
    @Override public List<String> getLabels() { return null; }
}
