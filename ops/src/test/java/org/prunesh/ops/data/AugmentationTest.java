package org.prunesh.ops.data;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AugmentationTest {

    // one 1x3x3 image:  1 2 3 / 4 5 6 / 7 8 9
    private static final float[] IMAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final float[] BLACK = {-1};

    @Test
    void shiftDownRightPadsWithTheBlackValue() {
        float[] out = new float[9];
        // crop offset (0, 0) of the image padded by 1: content moves down and right
        Augmentation.shift(IMAGE, 0, 1, 3, 3, -1, -1, false, BLACK, out);
        assertArrayEquals(new float[]{-1, -1, -1, -1, 1, 2, -1, 4, 5}, out);
    }

    @Test
    void flipMirrorsEachRowAfterTheCrop() {
        float[] out = new float[9];
        Augmentation.shift(IMAGE, 0, 1, 3, 3, 0, 0, true, BLACK, out);
        assertArrayEquals(new float[]{3, 2, 1, 6, 5, 4, 9, 8, 7}, out);
        Augmentation.shift(IMAGE, 0, 1, 3, 3, 0, 1, true, BLACK, out);
        // mirrored then shifted by one column: out[y][x] = in[y][2 - x + 1]
        assertArrayEquals(new float[]{-1, 3, 2, -1, 6, 5, -1, 9, 8}, out);
    }

    @Test
    void applyDrawsCropThenFlipPerSampleFromTheGivenStream() {
        float[] batch = new float[18];
        System.arraycopy(IMAGE, 0, batch, 0, 9);
        System.arraycopy(IMAGE, 0, batch, 9, 9);
        new Augmentation(1, true).apply(batch, 1, 3, 3, BLACK, new SplittableRandom(5));

        SplittableRandom same = new SplittableRandom(5);
        float[] expected = new float[18];
        float[] one = new float[9];
        for (int s = 0; s < 2; s++) {
            int dy = same.nextInt(3) - 1;
            int dx = same.nextInt(3) - 1;
            boolean mirror = same.nextBoolean();
            Augmentation.shift(IMAGE, 0, 1, 3, 3, dy, dx, mirror, BLACK, one);
            System.arraycopy(one, 0, expected, s * 9, 9);
        }
        assertArrayEquals(expected, batch);
    }

    @Test
    void noneLeavesTheBatchAloneAndNegativePaddingIsRejected() {
        float[] batch = IMAGE.clone();
        Augmentation.NONE.apply(batch, 1, 3, 3, BLACK, new SplittableRandom(1));
        assertArrayEquals(IMAGE, batch);
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(-1, false));
    }
}
