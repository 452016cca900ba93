package org.sdvp.core.value;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An image with its provenance: the id of the source image it was cut from and the region of that source
 * it covers, in source pixel coordinates. A crop of a crop still maps to the original, which is what lets
 * distillation ask a teacher about exactly the pixels a module saw.
 *
 * <p>Crops copy pixels and never resample, so provenance is a pure translation. An edited image (COLORPOP,
 * BGBLUR, EMOJI, REPLACE) keeps its source and region and lists the edits applied, in order, so a reader
 * knows its pixels are no longer the source's.
 */
public record ImageValue(BufferedImage pixels, String sourceId, Box region, List<String> edits) implements Value {

    public ImageValue {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(region, "region");
        edits = List.copyOf(edits);
    }

    /** An unedited image (or crop) of a source. */
    public ImageValue(BufferedImage pixels, String sourceId, Box region) {
        this(pixels, sourceId, region, List.of());
    }

    /** The same image with new pixels (same size) produced by {@code edit}, e.g. {@code "COLORPOP cube"}. */
    public ImageValue edited(BufferedImage newPixels, String edit) {
        if (newPixels.getWidth() != width() || newPixels.getHeight() != height()) {
            throw new IllegalArgumentException("an edit must keep the image size");
        }
        List<String> all = new ArrayList<>(edits);
        all.add(edit);
        return new ImageValue(newPixels, sourceId, region, all);
    }

    public boolean isEdited() {
        return !edits.isEmpty();
    }

    /** A whole source image. */
    public static ImageValue source(String sourceId, BufferedImage pixels) {
        return new ImageValue(pixels, sourceId, new Box(0, 0, pixels.getWidth(), pixels.getHeight()));
    }

    public int width() {
        return pixels.getWidth();
    }

    public int height() {
        return pixels.getHeight();
    }

    /**
     * The part of this image inside {@code local} (in this image's coordinates), clamped to the image and
     * rounded outwards to whole pixels.
     *
     * @throws IllegalArgumentException if the clamped region has no pixels
     */
    public ImageValue crop(Box local) {
        Box c = local.clampTo(width(), height());
        int x1 = (int) Math.floor(c.x1()), y1 = (int) Math.floor(c.y1());
        int x2 = (int) Math.ceil(c.x2()), y2 = (int) Math.ceil(c.y2());
        if (x2 <= x1 || y2 <= y1) {
            throw new IllegalArgumentException(
                    "crop region " + local + " has no pixels inside a " + width() + "x" + height() + " image");
        }
        return new ImageValue(
                copyRegion(pixels, x1, y1, x2, y2),
                sourceId,
                new Box(x1, y1, x2, y2).translate(region.x1(), region.y1()),
                edits);
    }

    /** Copies pixels (row by row for RGB images: several times faster than drawing them). */
    private static BufferedImage copyRegion(BufferedImage src, int x1, int y1, int x2, int y2) {
        int w = x2 - x1, h = y2 - y1;
        BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        if (src.getType() == BufferedImage.TYPE_INT_RGB
                && src.getRaster().getDataBuffer() instanceof DataBufferInt in
                && src.getRaster().getParent() == null) {
            int[] from = in.getData();
            int[] to = ((DataBufferInt) copy.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < h; y++) System.arraycopy(from, (y1 + y) * src.getWidth() + x1, to, y * w, w);
            return copy;
        }
        var g = copy.createGraphics();
        g.drawImage(src, 0, 0, w, h, x1, y1, x2, y2, null);
        g.dispose();
        return copy;
    }

    /** Maps a box in this image's coordinates to source-image coordinates. */
    public Box toSource(Box local) {
        return local.translate(region.x1(), region.y1());
    }

    @Override
    public ValueType type() {
        return ValueType.IMAGE;
    }

    @Override
    public String display() {
        return "image " + sourceId + " " + region + " (" + width() + "x" + height() + ")"
                + (edits.isEmpty() ? "" : " edited: " + String.join("; ", edits));
    }
}
