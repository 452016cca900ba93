package org.sdvp.core.value;

import java.util.BitSet;
import java.util.Objects;

/**
 * A binary pixel mask over a {@code width × height} image, in the coordinates of the image it was found in
 * (like a {@link Box}). Immutable: the bits are copied in and never handed out.
 */
public final class Mask {
    private final int width;
    private final int height;
    private final BitSet bits;
    private final Box bounds;
    private final int area;

    public Mask(int width, int height, BitSet bits) {
        if (width < 1 || height < 1) throw new IllegalArgumentException("mask size " + width + "x" + height);
        this.width = width;
        this.height = height;
        this.bits = (BitSet) Objects.requireNonNull(bits, "bits").clone();
        if (this.bits.length() > width * height) throw new IllegalArgumentException("mask bits beyond its size");
        this.area = this.bits.cardinality();
        this.bounds = computeBounds();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean get(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && bits.get(y * width + x);
    }

    /** Number of pixels set. */
    public int area() {
        return area;
    }

    /** The tightest box around the set pixels (exclusive bottom-right); an empty box at 0,0 for an empty mask. */
    public Box bounds() {
        return bounds;
    }

    /** The part of this mask inside {@code x0,y0 .. x0+w,y0+h}, in that window's coordinates. */
    public Mask window(int x0, int y0, int w, int h) {
        BitSet out = new BitSet(w * h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) if (get(x0 + x, y0 + y)) out.set(y * w + x);
        }
        return new Mask(w, h, out);
    }

    /** Pixels set in this mask or in {@code o} (same size). */
    public Mask union(Mask o) {
        if (o.width != width || o.height != height) throw new IllegalArgumentException("masks of different sizes");
        BitSet u = (BitSet) bits.clone();
        u.or(o.bits);
        return new Mask(width, height, u);
    }

    /** Intersection over union of the set pixels; 0 when both are empty. */
    public double iou(Mask o) {
        BitSet i = (BitSet) bits.clone();
        i.and(o.bits);
        int inter = i.cardinality();
        int union = area + o.area - inter;
        return union == 0 ? 0 : (double) inter / union;
    }

    private Box computeBounds() {
        if (area == 0) return new Box(0, 0, 0, 0);
        int x1 = width, y1 = height, x2 = -1, y2 = -1;
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            int x = i % width, y = i / width;
            x1 = Math.min(x1, x);
            x2 = Math.max(x2, x);
            y1 = Math.min(y1, y);
            y2 = Math.max(y2, y);
        }
        return new Box(x1, y1, x2 + 1, y2 + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask m && m.width == width && m.height == height && m.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, bits);
    }

    @Override
    public String toString() {
        return "mask " + width + "x" + height + " area " + area + " " + bounds;
    }
}
