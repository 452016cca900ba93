package org.sdvp.world.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.sdvp.world.scene.Geometry;
import org.sdvp.world.scene.SceneObject;

/**
 * Paints one object with shading (light from the upper left) inside its {@link Geometry} outline. Rubber is
 * matte: soft gradients. Metal has harder, darker gradients and a bright specular highlight, which is what
 * makes material answerable from pixels.
 */
final class ObjectPainter {
    private ObjectPainter() {}

    /** CLEVR's colour palette, in {@code Attribute.COLOR} order. */
    static Color base(String color) {
        return switch (color) {
            case "gray" -> new Color(87, 87, 87);
            case "red" -> new Color(173, 35, 35);
            case "blue" -> new Color(42, 75, 215);
            case "green" -> new Color(29, 105, 20);
            case "brown" -> new Color(129, 74, 25);
            case "purple" -> new Color(129, 38, 192);
            case "cyan" -> new Color(41, 208, 208);
            case "yellow" -> new Color(255, 238, 51);
            default -> throw new IllegalArgumentException(color);
        };
    }

    static Color scale(Color c, double f) {
        return new Color(clamp(c.getRed() * f), clamp(c.getGreen() * f), clamp(c.getBlue() * f));
    }

    /** Moves {@code c} towards white by {@code t}. */
    static Color lift(Color c, double t) {
        return new Color(
                clamp(c.getRed() + (255 - c.getRed()) * t),
                clamp(c.getGreen() + (255 - c.getGreen()) * t),
                clamp(c.getBlue() + (255 - c.getBlue()) * t));
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    static void shadow(Graphics2D g, SceneObject o, double opacity) {
        if (opacity <= 0) return;
        double r = o.radius();
        g.setColor(new Color(0, 0, 0, (int) Math.round(255 * opacity)));
        g.fill(new Ellipse2D.Double(o.x() - 0.9 * r, o.y() - 0.35 * r, 2.6 * r, 0.75 * r));
    }

    static void paint(Graphics2D g, SceneObject o) {
        boolean metal = o.material().equals("metal");
        Color c = base(o.color());
        switch (o.shape()) {
            case "sphere" -> sphere(g, o, c, metal);
            case "cube" -> cube(g, o, c, metal);
            default -> solidOfRevolution(g, o, c, metal);
        }
    }

    private static void sphere(Graphics2D g, SceneObject o, Color c, boolean metal) {
        double r = o.radius(), cx = o.x(), cy = o.y() - r;
        Shape s = Geometry.outline(o);
        Color[] cols = metal
                ? new Color[] {lift(c, 0.35), scale(c, 0.95), scale(c, 0.35), scale(c, 0.6)}
                : new Color[] {lift(c, 0.18), scale(c, 0.9), scale(c, 0.55), scale(c, 0.5)};
        g.setPaint(new RadialGradientPaint(
                new Point2D.Double(cx - 0.35 * r, cy - 0.4 * r),
                (float) (1.45 * r),
                new float[] {0f, 0.45f, 0.85f, 1f},
                cols,
                CycleMethod.NO_CYCLE));
        g.fill(s);
        if (metal) highlight(g, cx - 0.35 * r, cy - 0.4 * r, 0.42 * r);
    }

    private static void cube(Graphics2D g, SceneObject o, Color c, boolean metal) {
        Rectangle2D f = Geometry.cubeFront(o.x(), o.y(), o.radius());
        double a = f.getWidth(), d = a * Geometry.CUBE_DEPTH, x0 = f.getX(), y0 = f.getY();
        Path2D.Double top = new Path2D.Double();
        top.moveTo(x0, y0);
        top.lineTo(x0 + d, y0 - d);
        top.lineTo(x0 + a + d, y0 - d);
        top.lineTo(x0 + a, y0);
        top.closePath();
        Path2D.Double side = new Path2D.Double();
        side.moveTo(x0 + a, y0);
        side.lineTo(x0 + a + d, y0 - d);
        side.lineTo(x0 + a + d, y0 + a - d);
        side.lineTo(x0 + a, y0 + a);
        side.closePath();
        g.setPaint(new LinearGradientPaint(
                new Point2D.Double(x0, y0),
                new Point2D.Double(x0 + a, y0 + a),
                new float[] {0f, 1f},
                metal ? new Color[] {lift(c, 0.25), scale(c, 0.45)} : new Color[] {scale(c, 1.05), scale(c, 0.75)}));
        g.fill(Geometry.outline(o));
        g.setColor(metal ? lift(c, 0.45) : lift(c, 0.2));
        g.fill(top);
        g.setColor(metal ? scale(c, 0.35) : scale(c, 0.55));
        g.fill(side);
        if (metal) highlight(g, x0 + 0.3 * a, y0 + 0.28 * a, 0.32 * a);
    }

    private static void solidOfRevolution(Graphics2D g, SceneObject o, Color c, boolean metal) {
        double r = o.radius(), cx = o.x();
        boolean cylinder = o.shape().equals("cylinder");
        double hw = cylinder ? Geometry.cylinderWidth(r) / 2 : r;
        Color[] cols = metal
                ? new Color[] {scale(c, 0.55), lift(c, 0.45), scale(c, 0.8), scale(c, 0.3)}
                : new Color[] {scale(c, 0.95), lift(c, 0.12), scale(c, 0.85), scale(c, 0.55)};
        g.setPaint(new LinearGradientPaint(
                new Point2D.Double(cx - hw, 0),
                new Point2D.Double(cx + hw, 0),
                new float[] {0f, 0.3f, 0.6f, 1f},
                cols));
        g.fill(Geometry.outline(o));
        if (cylinder) {
            double h = Geometry.cylinderHeight(r), e = hw * Geometry.ELLIPSE;
            g.setColor(metal ? lift(c, 0.4) : lift(c, 0.18));
            g.fill(new Ellipse2D.Double(cx - hw, o.y() - h - e, 2 * hw, 2 * e));
            if (metal) highlight(g, cx - 0.4 * hw, o.y() - h * 0.55, 0.3 * hw);
        } else if (metal) {
            highlight(g, cx - 0.3 * r, o.y() - 0.7 * r, 0.3 * r);
        }
    }

    /** A specular spot: white fading to transparent. */
    private static void highlight(Graphics2D g, double x, double y, double radius) {
        g.setPaint(new RadialGradientPaint(
                new Point2D.Double(x, y), (float) Math.max(1.0, radius), new float[] {0f, 0.35f, 1f}, new Color[] {
                    new Color(255, 255, 255, 245), new Color(255, 255, 255, 170), new Color(255, 255, 255, 0)
                }));
        g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
    }
}
