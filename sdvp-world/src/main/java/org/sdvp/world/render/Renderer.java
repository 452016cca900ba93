package org.sdvp.world.render;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;
import org.sdvp.world.scene.Depth;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneObject;
import org.sdvp.world.style.Style;

/**
 * Renders a {@link Scene} in a {@link Style} with Java2D: background (wall, floor, optional texture and
 * distractors), then per object far to near its contact shadow and its shaded body, then the style's
 * light, contrast, haze and noise as one pass over the pixels.
 *
 * <p>Pixels depend only on the scene (its seed drives texture, distractors and noise) and the style, so the
 * same scene gives identical pixels on the same JDK. Stateless and thread-safe.
 */
public final class Renderer {
    /** The horizon as a fraction of the height: objects stand on the floor below it. */
    public static final double HORIZON = 0.30;

    public BufferedImage render(Scene scene, Style style) {
        int w = scene.width(), h = scene.height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
        // the style's randomness is its own stream of the scene seed, independent of object placement
        SplittableRandom rng = new SplittableRandom(scene.seed() ^ 0x5DEECE66DL);
        background(g, w, h, style, rng);
        for (int i : Depth.order(scene.objects())) {
            SceneObject o = scene.object(i);
            ObjectPainter.shadow(g, o, style.shadow());
            ObjectPainter.paint(g, o);
        }
        g.dispose();
        PostProcess.apply(((DataBufferInt) img.getRaster().getDataBuffer()).getData(), w, h, style, rng);
        return img;
    }

    private static void background(Graphics2D g, int w, int h, Style s, SplittableRandom rng) {
        float horizon = (float) (HORIZON * h);
        g.setPaint(new GradientPaint(0, 0, new Color(s.wallTop()), 0, horizon, new Color(s.wallBottom())));
        g.fill(new Rectangle2D.Double(0, 0, w, horizon));
        g.setPaint(new GradientPaint(0, horizon, new Color(s.floorFar()), 0, h, new Color(s.floorNear())));
        g.fill(new Rectangle2D.Double(0, horizon, w, h - horizon));
        if (s.texture()) texture(g, w, h, horizon, s, rng);
        int n = s.distractors() == 0 ? 0 : s.distractors() / 2 + rng.nextInt(s.distractors() / 2 + 1);
        for (int i = 0; i < n; i++) distractor(g, w, h, horizon, rng);
    }

    /** Floor tiles receding in perspective and a striped wall: texture that edges and colours compete with. */
    private static void texture(Graphics2D g, int w, int h, float horizon, Style s, SplittableRandom rng) {
        Color dark = new Color(0, 0, 0, 34), light = new Color(255, 255, 255, 30);
        double phase = rng.nextDouble() * 12;
        for (double x = -phase; x < w; x += 12) {
            g.setColor(((int) ((x + phase) / 12)) % 2 == 0 ? dark : light);
            g.fill(new Rectangle2D.Double(x, 0, 6, horizon));
        }
        int rows = 7;
        for (int r = 0; r < rows; r++) {
            double y0 = horizon + (h - horizon) * Math.pow(r / (double) rows, 1.5);
            double y1 = horizon + (h - horizon) * Math.pow((r + 1) / (double) rows, 1.5);
            double tile = 6 + 18 * (r + 1) / (double) rows;
            for (int c = 0; c * tile < w + tile; c++) {
                if ((r + c) % 2 == 0) continue;
                g.setColor(dark);
                g.fill(new Rectangle2D.Double(c * tile - phase, y0, tile, y1 - y0));
            }
        }
    }

    /** A flat irregular blob in a random (often vocabulary) colour: not an object, but it looks like one. */
    private static void distractor(Graphics2D g, int w, int h, float horizon, SplittableRandom rng) {
        double cx = rng.nextDouble() * w, cy = horizon + rng.nextDouble() * (h - horizon);
        double r = 3 + rng.nextDouble() * 7;
        Color c = rng.nextInt(3) == 0
                ? new Color(rng.nextInt(256), rng.nextInt(256), rng.nextInt(256))
                : ObjectPainter.base(
                        org.sdvp.world.scene.Attribute.COLOR.vocabulary().get(rng.nextInt(8)));
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 150 + rng.nextInt(90)));
        if (rng.nextBoolean()) {
            g.fill(new Ellipse2D.Double(cx - r, cy - r * 0.45, 2 * r, r * 0.9));
        } else {
            Path2D.Double p = new Path2D.Double();
            int k = 5 + rng.nextInt(3);
            for (int i = 0; i < k; i++) {
                double a = 2 * Math.PI * i / k, rr = r * (0.5 + rng.nextDouble() * 0.6);
                double px = cx + Math.cos(a) * rr, py = cy + Math.sin(a) * rr * 0.5;
                if (i == 0) p.moveTo(px, py);
                else p.lineTo(px, py);
            }
            p.closePath();
            g.fill(p);
        }
    }
}
