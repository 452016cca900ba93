package org.sdvp.world.scene;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The silhouettes of the four shapes, in a fixed oblique view from slightly above. The colour renderer
 * fills exactly these outlines (then shades inside them) and the ID buffer rasterises the same outlines, so
 * masks and pixels agree up to antialiased edges.
 */
public final class Geometry {
    private Geometry() {}

    /** Depth of a cube's receding faces relative to its front side: the oblique projection. */
    public static final double CUBE_DEPTH = 0.35;
    /** Half-height of cylinder and cone end ellipses relative to their half-width. */
    public static final double ELLIPSE = 0.32;

    public static Shape outline(SceneObject o) {
        double r = o.radius(), cx = o.x(), by = o.y();
        return switch (o.shape()) {
            case "sphere" -> new Ellipse2D.Double(cx - r, by - 2 * r, 2 * r, 2 * r);
            case "cube" -> cube(cx, by, r);
            case "cylinder" -> cylinder(cx, by, r);
            case "cone" -> cone(cx, by, r);
            default -> throw new IllegalArgumentException(o.shape());
        };
    }

    /** Front face of a cube: side {@code 1.55 r}, shifted left so the whole cube is centred on {@code cx}. */
    public static Rectangle2D cubeFront(double cx, double by, double r) {
        double a = 1.55 * r, d = a * CUBE_DEPTH;
        return new Rectangle2D.Double(cx - (a + d) / 2, by - a, a, a);
    }

    private static Shape cube(double cx, double by, double r) {
        Rectangle2D f = cubeFront(cx, by, r);
        double a = f.getWidth(), d = a * CUBE_DEPTH, x0 = f.getX(), y0 = f.getY();
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x0, y0 + a);
        p.lineTo(x0, y0);
        p.lineTo(x0 + d, y0 - d);
        p.lineTo(x0 + a + d, y0 - d);
        p.lineTo(x0 + a + d, y0 + a - d);
        p.lineTo(x0 + a, y0 + a);
        p.closePath();
        return p;
    }

    public static double cylinderWidth(double r) {
        return 1.6 * r;
    }

    public static double cylinderHeight(double r) {
        return 1.75 * r;
    }

    private static Shape cylinder(double cx, double by, double r) {
        double w = cylinderWidth(r), h = cylinderHeight(r), e = w / 2 * ELLIPSE;
        Path2D.Double p = new Path2D.Double();
        // body outline: left side down, bottom half-ellipse, right side up, top half-ellipse
        p.moveTo(cx - w / 2, by - h);
        p.lineTo(cx - w / 2, by - e);
        p.append(
                new java.awt.geom.Arc2D.Double(cx - w / 2, by - 2 * e, w, 2 * e, 180, 180, java.awt.geom.Arc2D.OPEN),
                true);
        p.lineTo(cx + w / 2, by - h);
        p.append(
                new java.awt.geom.Arc2D.Double(cx - w / 2, by - h - e, w, 2 * e, 0, 180, java.awt.geom.Arc2D.OPEN),
                true);
        p.closePath();
        return p;
    }

    public static double coneHeight(double r) {
        return 2.0 * r;
    }

    private static Shape cone(double cx, double by, double r) {
        double rx = r * 1.0, e = rx * ELLIPSE, h = coneHeight(r);
        Path2D.Double p = new Path2D.Double();
        p.moveTo(cx, by - h);
        p.lineTo(cx - rx, by - e);
        p.append(
                new java.awt.geom.Arc2D.Double(cx - rx, by - 2 * e, 2 * rx, 2 * e, 180, 180, java.awt.geom.Arc2D.OPEN),
                true);
        p.closePath();
        return p;
    }

    /** Outline as an {@link Area}, for callers that need set operations. */
    public static Area area(SceneObject o) {
        return new Area(outline(o));
    }
}
