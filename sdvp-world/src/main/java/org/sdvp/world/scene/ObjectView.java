package org.sdvp.world.scene;

import java.util.List;
import org.sdvp.core.value.Box;

/**
 * What the ID buffer says about one object: the box of its visible pixels (integer corners, exclusive
 * bottom-right), its visible and unoccluded pixel counts, and its visible mask as a run-length encoding.
 *
 * @param mask run lengths over the image in row-major order, starting with a run of pixels <em>not</em> in
 *             the mask (possibly 0), alternating after that; the runs sum to width × height (empty when a
 *             reader chose to skip masks)
 */
public record ObjectView(int x1, int y1, int x2, int y2, int visibleArea, int fullArea, List<Integer> mask) {
    public ObjectView {
        mask = List.copyOf(mask);
        if (x2 <= x1 || y2 <= y1) throw new IllegalArgumentException("object has no visible pixels");
    }

    public Box box() {
        return new Box(x1, y1, x2, y2);
    }

    /** Centre of the visible box; a multiple of 0.5. Relations and crop membership use it. */
    public double centerX() {
        return (x1 + x2) / 2.0;
    }

    public double centerY() {
        return (y1 + y2) / 2.0;
    }

    public double visibleFraction() {
        return fullArea == 0 ? 0 : visibleArea / (double) fullArea;
    }
}
