package org.sdvp.core.value;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * An image with its provenance: the id of the source image it was cut from and the region of that source
 * it covers, in source pixel coordinates. A crop of a crop still maps to the original, which is what lets
 * distillation ask a teacher about exactly the pixels a module saw.
 *
 * <p>Crops copy pixels and never resample, so provenance is a pure translation.
 */
public record ImageValue(BufferedImage pixels, String sourceId, Box region) implements Value {

    public ImageValue {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(region, "region");
    }

    /** A whole source image. */
    public static ImageValue source(String sourceId, BufferedImage pixels) {
        return new ImageValue(pixels, sourceId, new Box(0, 0, pixels.getWidth(), pixels.getHeight()));
    }

    public int width() { return pixels.getWidth(); }

    public int height() { return pixels.getHeight(); }

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
            throw new IllegalArgumentException("crop region " + local + " has no pixels inside a "
                    + width() + "x" + height() + " image");
        }
        BufferedImage copy = new BufferedImage(x2 - x1, y2 - y1, BufferedImage.TYPE_INT_RGB);
        var g = copy.createGraphics();
        g.drawImage(pixels, 0, 0, x2 - x1, y2 - y1, x1, y1, x2, y2, null);
        g.dispose();
        return new ImageValue(copy, sourceId, new Box(x1, y1, x2, y2).translate(region.x1(), region.y1()));
    }

    /** Maps a box in this image's coordinates to source-image coordinates. */
    public Box toSource(Box local) { return local.translate(region.x1(), region.y1()); }

    @Override public ValueType type() { return ValueType.IMAGE; }

    @Override public String display() {
        return "image " + sourceId + " " + region + " (" + width() + "x" + height() + ")";
    }
}
