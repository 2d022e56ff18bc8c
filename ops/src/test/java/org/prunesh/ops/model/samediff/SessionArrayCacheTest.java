package org.prunesh.ops.model.samediff;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class SessionArrayCacheTest {

    private static final LongShapeDescriptor F_ORDER_4x3 =
            LongShapeDescriptor.fromShape(new long[]{4, 3}, new long[]{1, 4}, 0, 'f', DataType.FLOAT, false);

    /** M2.1's cache re-flags a reused array 'f' without changing its strides; here it stays consistent. */
    @Test
    void reusedArraysKeepCOrderAndCStridesWhateverOrderIsAsked() {
        SessionArrayCache cache = new SessionArrayCache();
        INDArray first = cache.allocate(false, F_ORDER_4x3);
        assertEquals('c', first.ordering());
        assertArrayEquals(new long[]{3, 1}, first.stride());
        long firstId = first.getId();
        cache.release(first);

        INDArray again = cache.allocate(false, F_ORDER_4x3);
        assertSame(first, again);
        assertEquals('c', again.ordering());
        assertArrayEquals(new long[]{3, 1}, again.stride());
        assertNotEquals(firstId, again.getId(), "a reused array gets a new id, as SameDiff's tracking expects");
    }

    @Test
    void onlyWholeCOrderedArraysAreReused() {
        SessionArrayCache cache = new SessionArrayCache();
        INDArray fOrdered = Nd4j.create(DataType.FLOAT, new long[]{4, 3}, 'f');
        INDArray base = Nd4j.create(DataType.FLOAT, 8, 3);
        INDArray view = base.get(NDArrayIndex.interval(0, 4), NDArrayIndex.all());
        cache.release(fOrdered);
        cache.release(view);
        INDArray fresh = cache.allocate(false, DataType.FLOAT, 4, 3);
        assertNotSame(fOrdered, fresh);
        assertNotSame(view, fresh);

        cache.release(fresh);
        cache.release(fresh); // a second release of the same array keeps one copy
        assertSame(fresh, cache.allocate(false, DataType.FLOAT, 4, 3));
        assertNotSame(fresh, cache.allocate(false, DataType.FLOAT, 4, 3));
    }

    /** The session also releases arrays it did not get here (an identity op's input, a variable). */
    @Test
    void arraysFromElsewhereAreNeverTakenIn() {
        SessionArrayCache cache = new SessionArrayCache();
        INDArray variable = Nd4j.create(DataType.FLOAT, 4, 3);
        cache.release(variable);
        cache.recycle();
        assertNotSame(variable, cache.allocate(false, DataType.FLOAT, 4, 3));
    }

    /** A view taken and dropped during the step (an updater's reshape) does not keep an array out. */
    @Test
    void aReleasedArrayIsReusedAfterATransientView() {
        SessionArrayCache cache = new SessionArrayCache();
        INDArray gradient = cache.allocate(false, DataType.FLOAT, 4, 3);
        gradient.reshape(12).addi(1);
        cache.release(gradient);
        assertSame(gradient, cache.allocate(false, DataType.FLOAT, 4, 3));
    }

    /** What SameDiff forgot to release during a step is reused after {@link SessionArrayCache#recycle}. */
    @Test
    void recycleTakesBackArraysThatWereNeverReleased() {
        SessionArrayCache cache = new SessionArrayCache();
        INDArray kept = cache.allocate(false, DataType.FLOAT, 2, 5);
        INDArray released = cache.allocate(true, DataType.FLOAT, 2, 5);
        cache.release(released);
        cache.recycle();
        INDArray first = cache.allocate(false, DataType.FLOAT, 2, 5);
        INDArray second = cache.allocate(false, DataType.FLOAT, 2, 5);
        assertEquals(java.util.Set.of(System.identityHashCode(kept), System.identityHashCode(released)),
                java.util.Set.of(System.identityHashCode(first), System.identityHashCode(second)));
        assertNotSame(first, cache.allocate(false, DataType.FLOAT, 2, 5));
    }
}
