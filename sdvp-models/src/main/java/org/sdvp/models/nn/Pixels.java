package org.sdvp.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Images to a {@code (N, 3, H, W)} float tensor: resized with bilinear filtering to a fixed size, channels
 * scaled to roughly zero mean and unit spread ({@code (v/255 - 0.5) / 0.25}).
 *
 * <p>The resize is done in Java2D on the calling thread; with the world's small images it costs far less
 * than the network.
 */
public final class Pixels {
    private Pixels() {}

    public static NDArray tensor(NDManager manager, List<BufferedImage> images, int width, int height) {
        int plane = width * height;
        float[] data = new float[images.size() * 3 * plane];
        int[] rgb = new int[plane];
        for (int n = 0; n < images.size(); n++) planes(images.get(n), width, height, rgb, data, n * 3 * plane);
        return Tensors.of(manager, data, new Shape(images.size(), 3, height, width));
    }

    /** One image's {@code (3, H, W)} planes, as {@link #tensor} computes them, for assembling a batch later. */
    public static float[] planes(BufferedImage image, int width, int height) {
        float[] data = new float[3 * width * height];
        planes(image, width, height, new int[width * height], data, 0);
        return data;
    }

    /** A {@code (N, 3, H, W)} tensor of images already turned into planes by {@link #planes}. */
    public static NDArray stack(NDManager manager, List<float[]> planes, int width, int height) {
        int size = 3 * width * height;
        float[] data = new float[planes.size() * size];
        for (int n = 0; n < planes.size(); n++) {
            float[] p = planes.get(n);
            if (p.length != size)
                throw new IllegalArgumentException("planes of " + p.length + " values, expected " + size);
            System.arraycopy(p, 0, data, n * size, size);
        }
        return Tensors.of(manager, data, new Shape(planes.size(), 3, height, width));
    }

    /**
     * Each channel value's normalised float, {@code (v/255 - 0.5) * 4} computed once per value: Java's float
     * arithmetic is exact to the bit (strict since Java 17), so the table holds the very floats the formula gives.
     */
    private static final float[] NORMALISED = new float[256];

    static {
        for (int v = 0; v < 256; v++) NORMALISED[v] = (v / 255f - 0.5f) * 4f;
    }

    private static void planes(BufferedImage image, int width, int height, int[] rgb, float[] data, int base) {
        int plane = width * height;
        BufferedImage img = resized(image, width, height);
        rgb(img, width, height, rgb);
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            data[base + i] = NORMALISED[(p >> 16) & 0xff];
            data[base + plane + i] = NORMALISED[(p >> 8) & 0xff];
            data[base + 2 * plane + i] = NORMALISED[p & 0xff];
        }
    }

    /**
     * The pixels as {@code 0x??RRGGBB} ints, row by row. {@code resized} always gives {@code TYPE_INT_RGB}, whose
     * raster hands its ints over a row at a time; {@link BufferedImage#getRGB} would convert every pixel through
     * the colour model (the largest Java cost of preparing a crop in a profile) to the same low 24 bits.
     */
    static void rgb(BufferedImage img, int width, int height, int[] rgb) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) {
            img.getRaster().getDataElements(0, 0, width, height, rgb);
        } else {
            img.getRGB(0, 0, width, height, rgb, 0, width);
        }
    }

    /**
     * Crops at a fixed scale: each image is scaled by {@code scale} (not stretched to fill), centred on a
     * mid-grey {@code size × size} canvas, and shrunk further only if it would not fit. Stretching every crop
     * to the same size erases the one cue for "small" versus "large" — how many pixels the object covers —
     * so both the student and the teachers see crops this way.
     */
    public static NDArray fixedScale(NDManager manager, List<BufferedImage> images, int size, double scale) {
        List<BufferedImage> placed = new java.util.ArrayList<>(images.size());
        for (BufferedImage img : images) placed.add(placed(img, size, scale));
        return tensor(manager, placed, size, size);
    }

    /** One crop's planes as {@link #fixedScale} computes them. */
    public static float[] fixedScalePlanes(BufferedImage image, int size, double scale) {
        return planes(placed(image, size, scale), size, size);
    }

    static BufferedImage placed(BufferedImage src, int size, double scale) {
        double s = Math.min(scale, Math.min(size / (double) src.getWidth(), size / (double) src.getHeight()));
        int w = Math.max(1, (int) Math.round(src.getWidth() * s)),
                h = Math.max(1, (int) Math.round(src.getHeight() * s));
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new java.awt.Color(128, 128, 128));
        g.fillRect(0, 0, size, size);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, (size - w) / 2, (size - h) / 2, w, h, null);
        g.dispose();
        return out;
    }

    /** The image itself when it already has the size, else a bilinear resize in {@code TYPE_INT_RGB}. */
    public static BufferedImage resized(BufferedImage src, int width, int height) {
        if (src.getWidth() == width && src.getHeight() == height && src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, width, height, null);
        g.dispose();
        return out;
    }
}
