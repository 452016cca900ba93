package org.sdvp.world.scene;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ID buffer: for every pixel, which object is visible there (index + 1; 0 = background). Outlines are
 * filled without antialiasing, far to near, so a pixel belongs to the nearest object covering it. From it
 * come each object's exact visible mask, visible box and area, in one pass over the pixels.
 *
 * <p>Not thread-safe: one instance per thread (it reuses its rasters and graphics).
 */
public final class IdBuffer {
    private final int width;
    private final int height;
    private final byte[] idPixels;
    private final Graphics2D idGraphics;
    private final byte[] singlePixels;
    private final Graphics2D singleGraphics;

    public IdBuffer(int width, int height) {
        if ((long) width * height > Integer.MAX_VALUE / 2) throw new IllegalArgumentException("image too large");
        this.width = width;
        this.height = height;
        BufferedImage ids = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        this.idPixels = ((DataBufferByte) ids.getRaster().getDataBuffer()).getData();
        this.idGraphics = graphics(ids);
        BufferedImage single = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        this.singlePixels = ((DataBufferByte) single.getRaster().getDataBuffer()).getData();
        this.singleGraphics = graphics(single);
        singleGraphics.setColor(java.awt.Color.WHITE);
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        return g;
    }

    /**
     * Rasterises the objects and returns one view per object (in the objects' order); an object with no
     * visible pixel gets {@code null}.
     */
    public List<ObjectView> views(List<SceneObject> objects) {
        int n = objects.size();
        if (n > 254) throw new IllegalArgumentException("at most 254 objects");
        Arrays.fill(idPixels, (byte) 0);
        Shape[] outlines = new Shape[n];
        for (int i = 0; i < n; i++) outlines[i] = Geometry.outline(objects.get(i));
        for (int i : Depth.order(objects)) {
            idGraphics.setColor(new java.awt.Color(i + 1, i + 1, i + 1));
            idGraphics.fill(outlines[i]);
        }
        // one pass: areas, boxes, and the positions where each object's mask switches on or off
        int[] area = new int[n + 1], x1 = new int[n + 1], y1 = new int[n + 1], x2 = new int[n + 1], y2 = new int[n + 1];
        Arrays.fill(x1, width);
        Arrays.fill(y1, height);
        Arrays.fill(x2, -1);
        Arrays.fill(y2, -1);
        List<List<Integer>> toggles = new ArrayList<>(n + 1);
        for (int i = 0; i <= n; i++) toggles.add(new ArrayList<>());
        int prev = 0;
        for (int y = 0, p = 0; y < height; y++) {
            for (int x = 0; x < width; x++, p++) {
                int id = idPixels[p] & 0xff;
                if (id != prev) {
                    toggles.get(prev).add(p);
                    toggles.get(id).add(p);
                    prev = id;
                }
                if (id == 0) continue;
                area[id]++;
                if (x < x1[id]) x1[id] = x;
                if (x > x2[id]) x2[id] = x;
                if (y < y1[id]) y1[id] = y;
                if (y > y2[id]) y2[id] = y;
            }
        }
        int total = width * height;
        List<ObjectView> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = i + 1;
            if (area[id] == 0) {
                out.add(null);
                continue;
            }
            out.add(new ObjectView(
                    x1[id],
                    y1[id],
                    x2[id] + 1,
                    y2[id] + 1,
                    area[id],
                    fullArea(outlines[i]),
                    runs(toggles.get(id), total)));
        }
        return out;
    }

    /** Run lengths from toggle positions: off-run first, alternating, summing to {@code total}. */
    private static List<Integer> runs(List<Integer> toggles, int total) {
        List<Integer> runs = new ArrayList<>(toggles.size() + 2);
        int last = 0;
        for (int t : toggles) {
            runs.add(t - last);
            last = t;
        }
        runs.add(total - last);
        return runs;
    }

    /** Pixels the object would cover with nothing in front of it (inside the image). */
    private int fullArea(Shape outline) {
        Rectangle b = outline.getBounds().intersection(new Rectangle(0, 0, width, height));
        if (b.isEmpty()) return 0;
        for (int y = b.y; y < b.y + b.height; y++)
            Arrays.fill(singlePixels, y * width + b.x, y * width + b.x + b.width, (byte) 0);
        singleGraphics.fill(outline);
        int n = 0;
        for (int y = b.y; y < b.y + b.height; y++) {
            for (int x = b.x; x < b.x + b.width; x++) if (singlePixels[y * width + x] != 0) n++;
        }
        return n;
    }
}
