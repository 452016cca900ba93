package org.sdvp.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The float planes are the network's input: reading the pixels a row at a time and normalising through a
 * table must give the very floats of the per-pixel formula ({@code getRGB}, {@code (v/255 - 0.5) * 4}), bit
 * for bit, or every score downstream could move.
 */
class PixelsTest {

    /** The planes as first written: every pixel through the colour model and the formula. */
    private static float[] reference(BufferedImage image, int width, int height) {
        BufferedImage img = Pixels.resized(image, width, height);
        int plane = width * height;
        int[] rgb = img.getRGB(0, 0, width, height, null, 0, width);
        float[] data = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            data[i] = (((p >> 16) & 0xff) / 255f - 0.5f) * 4f;
            data[plane + i] = (((p >> 8) & 0xff) / 255f - 0.5f) * 4f;
            data[2 * plane + i] = ((p & 0xff) / 255f - 0.5f) * 4f;
        }
        return data;
    }

    private static BufferedImage noise(int w, int h, int type, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, r.nextInt());
        return img;
    }

    @ParameterizedTest
    @ValueSource(
            ints = {
                BufferedImage.TYPE_INT_RGB,
                BufferedImage.TYPE_INT_ARGB,
                BufferedImage.TYPE_3BYTE_BGR,
                BufferedImage.TYPE_4BYTE_ABGR
            })
    void planesAreTheFormulasFloatsBitForBitWhateverTheImageType(int type) {
        for (int[] size : new int[][] {{96, 96}, {128, 128}, {37, 53}}) {
            BufferedImage img = noise(size[0], size[1], type, 7L * size[0] + type);
            // same size (no resize: the image's own raster is read) and a real resize
            for (int[] to : new int[][] {{size[0], size[1]}, {96, 96}, {64, 48}}) {
                assertArrayEquals(
                        reference(img, to[0], to[1]),
                        Pixels.planes(img, to[0], to[1]),
                        "type " + type + ", " + size[0] + "x" + size[1] + " -> " + to[0] + "x" + to[1]);
            }
        }
    }

    /** A sub-image shares its parent's raster at an offset: the row-wise read must honour it. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 13})
    void aSubimageIsReadAtItsOffset(int offset) {
        BufferedImage parent = noise(80, 70, BufferedImage.TYPE_INT_RGB, 3 + offset);
        BufferedImage sub = parent.getSubimage(offset, offset / 2, 40, 30);
        assertArrayEquals(reference(sub, 40, 30), Pixels.planes(sub, 40, 30));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 31, 64, 90})
    void fixedScaleCropsMatchTheFormula(int side) {
        BufferedImage crop = noise(side, side * 2 / 3 + 1, BufferedImage.TYPE_INT_RGB, side);
        BufferedImage placed = Pixels.placed(crop, 64, 0.75);
        assertArrayEquals(reference(placed, 64, 64), Pixels.fixedScalePlanes(crop, 64, 0.75));
    }

    @org.junit.jupiter.api.Test
    void everyChannelValueNormalisesAsTheFormulaSays() {
        BufferedImage grey = new BufferedImage(256, 1, BufferedImage.TYPE_INT_RGB);
        for (int v = 0; v < 256; v++) grey.setRGB(v, 0, (v << 16) | (v << 8) | v);
        float[] p = Pixels.planes(grey, 256, 1);
        for (int v = 0; v < 256; v++) {
            assertEquals(Float.floatToIntBits((v / 255f - 0.5f) * 4f), Float.floatToIntBits(p[v]), "value " + v);
        }
    }
}
