package org.prunesh.ops.data;

import java.util.SplittableRandom;

/**
 * Training-time augmentation as CIFAR recipes use it: a random crop of the original size from the
 * image padded by {@code cropPadding} black pixels on each side (PyTorch's RandomCrop(size, padding)),
 * then a horizontal flip with probability 1/2. Applied to standardised data, so the padding is the
 * standardised value of a black pixel per channel.
 */
public record Augmentation(int cropPadding, boolean flip) {

    public static final Augmentation NONE = new Augmentation(0, false);

    public Augmentation {
        if (cropPadding < 0) throw new IllegalArgumentException("crop padding must be >= 0, got " + cropPadding);
    }

    public boolean isNone() {
        return cropPadding == 0 && !flip;
    }

    /**
     * Augments {@code batch} in place: rows of c·h·w values in C order. Draws, per sample, the crop
     * offsets (two ints in [0, 2p]) and then the flip (one boolean) from {@code random}.
     */
    public void apply(float[] batch, int channels, int height, int width, float[] black, SplittableRandom random) {
        int size = channels * height * width;
        float[] out = new float[size];
        for (int base = 0; base + size <= batch.length; base += size) {
            int dy = cropPadding == 0 ? 0 : random.nextInt(2 * cropPadding + 1) - cropPadding;
            int dx = cropPadding == 0 ? 0 : random.nextInt(2 * cropPadding + 1) - cropPadding;
            boolean mirror = flip && random.nextBoolean();
            shift(batch, base, channels, height, width, dy, dx, mirror, black, out);
            System.arraycopy(out, 0, batch, base, size);
        }
    }

    /**
     * out[c][y][x] = in[c][y+dy][x'+dx] with x' = w-1-x when mirrored, else x; black outside.
     * That is the crop at offset (dy+p, dx+p) of the padded image, then the flip.
     */
    static void shift(float[] in, int base, int channels, int height, int width, int dy, int dx,
                      boolean mirror, float[] black, float[] out) {
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            for (int y = 0; y < height; y++) {
                int sy = y + dy;
                for (int x = 0; x < width; x++) {
                    int sx = (mirror ? width - 1 - x : x) + dx;
                    boolean inside = sy >= 0 && sy < height && sx >= 0 && sx < width;
                    out[plane + y * width + x] = inside ? in[base + plane + sy * width + sx] : black[c];
                }
            }
        }
    }
}
