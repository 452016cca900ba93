package org.sdvp.core.value;

/**
 * An axis-aligned box in pixel coordinates: {@code x1,y1} inclusive top-left, {@code x2,y2} exclusive
 * bottom-right, y growing downwards (image convention).
 */
public record Box(double x1, double y1, double x2, double y2) {

    public Box {
        if (!(x2 >= x1) || !(y2 >= y1)) {
            throw new IllegalArgumentException("box corners out of order: " + x1 + "," + y1 + "," + x2 + "," + y2);
        }
    }

    public static Box ofSize(double x, double y, double width, double height) {
        return new Box(x, y, x + width, y + height);
    }

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public double area() {
        return width() * height();
    }

    public double centerX() {
        return (x1 + x2) / 2;
    }

    public double centerY() {
        return (y1 + y2) / 2;
    }

    public boolean isEmpty() {
        return width() <= 0 || height() <= 0;
    }

    public Box translate(double dx, double dy) {
        return new Box(x1 + dx, y1 + dy, x2 + dx, y2 + dy);
    }

    /** This box scaled by {@code factor} about its centre. */
    public Box scaleAboutCenter(double factor) {
        double hw = width() * factor / 2, hh = height() * factor / 2;
        return new Box(centerX() - hw, centerY() - hh, centerX() + hw, centerY() + hh);
    }

    /** The part of this box inside {@code [0,width) x [0,height)}; empty if they do not meet. */
    public Box clampTo(double width, double height) {
        double nx1 = clamp(x1, width), ny1 = clamp(y1, height);
        return new Box(nx1, ny1, Math.max(nx1, clamp(x2, width)), Math.max(ny1, clamp(y2, height)));
    }

    public Box intersection(Box o) {
        double ix1 = Math.max(x1, o.x1), iy1 = Math.max(y1, o.y1);
        double ix2 = Math.max(ix1, Math.min(x2, o.x2)), iy2 = Math.max(iy1, Math.min(y2, o.y2));
        return new Box(ix1, iy1, ix2, iy2);
    }

    /** Intersection over union; 0 when either box is empty. */
    public double iou(Box o) {
        double inter = intersection(o).area();
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "[%.0f,%.0f,%.0f,%.0f]", x1, y1, x2, y2);
    }
}
