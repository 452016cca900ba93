package org.sdvp.world.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import org.sdvp.world.scene.ObjectView;
import org.sdvp.world.scene.SceneObject;

/**
 * The ID buffer: for every pixel, which object is visible there (index + 1; 0 = background). Outlines are
 * filled without antialiasing, far to near, so a pixel belongs to the nearest object covering it. From it
 * come each object's exact visible mask, visible box and area.
 *
 * <p>Not thread-safe: one instance per thread (it reuses its rasters).
 */
public final class IdBuffer {
    private final int width;
    private final int height;
    private final BufferedImage ids;
    private final byte[] idPixels;
    private final BufferedImage single;
    private final byte[] singlePixels;

    public IdBuffer(int width, int height) {
        this.width = width;
        this.height = height;
        this.ids = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        this.idPixels = ((DataBufferByte) ids.getRaster().getDataBuffer()).getData();
        this.single = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        this.singlePixels = ((DataBufferByte) single.getRaster().getDataBuffer()).getData();
    }

    /**
     * Rasterises the objects and returns one view per object (in the objects' order); an object with no
     * visible pixel gets {@code null}.
     */
    public List<ObjectView> views(List<SceneObject> objects) {
        if (objects.size() > 254) throw new IllegalArgumentException("at most 254 objects");
        java.util.Arrays.fill(idPixels, (byte) 0);
        Graphics2D g = ids.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        for (int i : Depth.order(objects)) {
            g.setColor(new java.awt.Color(i + 1, i + 1, i + 1));
            g.fill(Geometry.outline(objects.get(i)));
        }
        g.dispose();
        List<ObjectView> out = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) out.add(view(i, fullArea(objects.get(i))));
        return out;
    }

    /** The id of the object visible at (x, y), or -1 for background; valid after {@link #views}. */
    public int objectAt(int x, int y) { return (idPixels[y * width + x] & 0xff) - 1; }

    private ObjectView view(int index, int fullArea) {
        int id = index + 1, x1 = width, y1 = height, x2 = -1, y2 = -1, area = 0;
        List<Integer> runs = new ArrayList<>();
        boolean inMask = false;
        int run = 0;
        for (int p = 0; p < idPixels.length; p++) {
            boolean on = (idPixels[p] & 0xff) == id;
            if (on != inMask) {
                runs.add(run);
                run = 0;
                inMask = on;
            }
            run++;
            if (on) {
                area++;
                int x = p % width, y = p / width;
                if (x < x1) x1 = x;
                if (x > x2) x2 = x;
                if (y < y1) y1 = y;
                if (y > y2) y2 = y;
            }
        }
        runs.add(run);
        if (area == 0) return null;
        return new ObjectView(x1, y1, x2 + 1, y2 + 1, area, fullArea, runs);
    }

    /** Pixels the object would cover with nothing in front of it (inside the image). */
    private int fullArea(SceneObject o) {
        java.util.Arrays.fill(singlePixels, (byte) 0);
        Graphics2D g = single.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setColor(java.awt.Color.WHITE);
        g.fill(Geometry.outline(o));
        g.dispose();
        java.awt.Rectangle b = Geometry.outline(o).getBounds().intersection(new java.awt.Rectangle(0, 0, width, height));
        int n = 0;
        for (int y = b.y; y < b.y + b.height; y++) {
            for (int x = b.x; x < b.x + b.width; x++) if (singlePixels[y * width + x] != 0) n++;
        }
        return n;
    }
}
