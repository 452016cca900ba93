package org.sdvp.core.module.steps;

import java.awt.image.BufferedImage;
import org.sdvp.core.value.Mask;

/**
 * Deterministic pixel operations of the editing modules (no resampling). Public so that a benchmark can
 * compute the exact gold edit from exact masks with the very operation the module applies.
 */
public final class ImageEdits {
    private ImageEdits() {}

    /** COLORPOP: colour inside the mask, PIL's luminance outside. */
    public static BufferedImage colorPop(BufferedImage image, Mask mask) {
        return composite(image, gray(image), mask);
    }

    /** BGBLUR: sharp inside the mask, Gaussian σ = {@value BgBlurModule#SIGMA} outside. */
    public static BufferedImage bgBlur(BufferedImage image, Mask mask) {
        return composite(image, blur(image, BgBlurModule.SIGMA), mask);
    }

    /** A TYPE_INT_RGB copy. */
    static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) out.setRGB(x, y, src.getRGB(x, y) & 0xFFFFFF);
        }
        return out;
    }

    /** Luminance as PIL's {@code convert('L')} computes it (ITU-R 601-2), back as gray RGB. */
    static BufferedImage gray(BufferedImage src) {
        BufferedImage out = copy(src);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int rgb = out.getRGB(x, y);
                int l = (((rgb >> 16) & 255) * 299 + ((rgb >> 8) & 255) * 587 + (rgb & 255) * 114) / 1000;
                out.setRGB(x, y, (l << 16) | (l << 8) | l);
            }
        }
        return out;
    }

    /** Separable Gaussian blur (σ = {@code sigma}, radius 3σ), edges clamped. */
    static BufferedImage blur(BufferedImage src, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) sum += k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
        for (int i = 0; i < k.length; i++) k[i] /= sum;
        int w = src.getWidth(), h = src.getHeight();
        double[][] tmp = new double[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] acc = new double[3];
                for (int i = -r; i <= r; i++) {
                    int rgb = src.getRGB(Math.min(w - 1, Math.max(0, x + i)), y);
                    for (int c = 0; c < 3; c++) acc[c] += k[i + r] * ((rgb >> (16 - 8 * c)) & 255);
                }
                for (int c = 0; c < 3; c++) tmp[c][y * w + x] = acc[c];
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    double acc = 0;
                    for (int i = -r; i <= r; i++) acc += k[i + r] * tmp[c][Math.min(h - 1, Math.max(0, y + i)) * w + x];
                    rgb |= Math.min(255, (int) Math.round(acc)) << (16 - 8 * c);
                }
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }

    /** {@code inside} where the mask is set, {@code outside} elsewhere. */
    static BufferedImage composite(BufferedImage inside, BufferedImage outside, Mask mask) {
        BufferedImage out = copy(outside);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++)
                if (mask.get(x, y)) out.setRGB(x, y, inside.getRGB(x, y) & 0xFFFFFF);
        }
        return out;
    }
}
