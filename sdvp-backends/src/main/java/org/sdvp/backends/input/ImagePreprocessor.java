package org.sdvp.backends.input;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.sdvp.backends.config.ImageSpec;

/**
 * An image as a model wants it (model.json's {@code image}): resized by the configured mode with bilinear
 * interpolation, RGB planes (CHW) rescaled and normalised, plus the pixel mask (1 where the image is).
 */
public final class ImagePreprocessor {
    private final ImageSpec spec;
    private final float[] mean = new float[3];
    private final float[] std = new float[3];

    public ImagePreprocessor(ImageSpec spec) {
        this.spec = spec;
        for (int c = 0; c < 3; c++) {
            mean[c] = spec.mean().get(c).floatValue();
            std[c] = spec.std().get(c).floatValue();
        }
    }

    /** The preprocessed image: {@code pixels} is [3, height, width], {@code mask} [height, width]. */
    public record Prepared(float[] pixels, long[] mask, Placement placement) {}

    public int height() {
        return spec.height();
    }

    public int width() {
        return spec.width();
    }

    public Prepared prepare(BufferedImage image) {
        int w = spec.width(), h = spec.height(), iw = image.getWidth(), ih = image.getHeight();
        double sx = (double) w / iw, sy = (double) h / ih;
        double ox = 0, oy = 0;
        switch (spec.resizeOrDefault()) {
            case "pad" -> sx = sy = Math.min(sx, sy); // top-left, padded right and below (OWLv2, ViLT)
            case "center-crop" -> {
                sx = sy = Math.max(sx, sy);
                ox = (w - iw * sx) / 2;
                oy = (h - ih * sy) / 2;
            }
            default -> {} // stretch
        }
        BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        List<Integer> fill = spec.fillOrDefault();
        g.setColor(new Color(fill.get(0), fill.get(1), fill.get(2)));
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(
                image,
                (int) Math.round(ox),
                (int) Math.round(oy),
                (int) Math.round(iw * sx),
                (int) Math.round(ih * sy),
                null);
        g.dispose();
        Placement placement = new Placement(sx, sy, Math.round(ox), Math.round(oy), w, h);
        return new Prepared(planes(canvas), mask(placement, iw, ih), placement);
    }

    private float[] planes(BufferedImage canvas) {
        int w = canvas.getWidth(), h = canvas.getHeight(), n = w * h;
        int[] rgb = canvas.getRGB(0, 0, w, h, null, 0, w);
        float rescale = (float) spec.rescaleOrDefault();
        float[] out = new float[3 * n];
        for (int i = 0; i < n; i++) {
            int p = rgb[i];
            out[i] = (((p >> 16) & 0xff) * rescale - mean[0]) / std[0];
            out[n + i] = (((p >> 8) & 0xff) * rescale - mean[1]) / std[1];
            out[2 * n + i] = ((p & 0xff) * rescale - mean[2]) / std[2];
        }
        return out;
    }

    private static long[] mask(Placement p, int iw, int ih) {
        int w = p.inputWidth(), h = p.inputHeight();
        long[] m = new long[w * h];
        int x1 = (int) Math.max(0, Math.round(p.offsetX())), y1 = (int) Math.max(0, Math.round(p.offsetY()));
        int x2 = (int) Math.min(w, Math.round(p.offsetX() + iw * p.scaleX()));
        int y2 = (int) Math.min(h, Math.round(p.offsetY() + ih * p.scaleY()));
        for (int y = y1; y < y2; y++) for (int x = x1; x < x2; x++) m[y * w + x] = 1;
        return m;
    }
}
