package org.sdvp.data.oracle;

import org.sdvp.core.value.Box;

/**
 * The one crop-membership rule of the oracles (this package's {@link SceneOracle} and sdvp-world's
 * {@code oracle}): an object is <em>in</em> an image region when the centre of its box lies inside the
 * region by more than half a pixel on every side. Why: a directional crop cuts at the reference's centre c
 * and rounds the cut outwards to a whole pixel, so the edge lies within 0.5 px of c whenever centres are
 * multiples of 0.5 — which they are for the world's visible boxes, GQA's integer boxes and CLEVR's boxes —
 * and the reference falls outside its own crop. Objects related to it lie at least 1 px beyond c (the
 * world's generator keeps centres that far apart per axis), so they fall inside. A one-pixel margin, the
 * rule {@code clevr-oracle} had before, lost an object exactly 1 px inside the far edge (count-sim
 * question 619, docs/results.md).
 */
public final class CropRule {
    public static final double MARGIN = 0.5;

    private CropRule() {}

    public static boolean contains(Box region, double centerX, double centerY) {
        return region.x1() + MARGIN < centerX
                && centerX < region.x2() - MARGIN
                && region.y1() + MARGIN < centerY
                && centerY < region.y2() - MARGIN;
    }
}
