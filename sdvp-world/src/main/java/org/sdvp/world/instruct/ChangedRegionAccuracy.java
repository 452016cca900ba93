package org.sdvp.world.instruct;

import java.awt.image.BufferedImage;
import org.sdvp.core.metric.Metric;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.ListValue;
import org.sdvp.core.value.Value;

/**
 * edit-sim's metric. The gold value is the pair [expected edited image, unedited image]. The changed region
 * is every pixel the gold edit or the predicted edit changes; the score is the fraction of it where the
 * prediction matches the gold within {@value #TOLERANCE} per channel (1 when neither changes anything). So
 * an edit of the wrong object, a missing edit and an edit that spills over all lose, in proportion to the
 * pixels concerned, however small the objects are. A prediction that is not an image of the gold's size
 * scores 0.
 */
public final class ChangedRegionAccuracy implements Metric {
    /** Largest per-channel difference still counted as a match (PNG is lossless; this absorbs rounding). */
    public static final int TOLERANCE = 8;

    @Override
    public String name() {
        return "changed-region-accuracy";
    }

    @Override
    public double score(Value prediction, Value gold) {
        if (!(prediction instanceof ImageValue p)
                || !(gold instanceof ListValue g)
                || g.items().size() != 2
                || !(g.items().get(0) instanceof ImageValue expected)
                || !(g.items().get(1) instanceof ImageValue source)) {
            return 0;
        }
        BufferedImage a = p.pixels(), e = expected.pixels(), o = source.pixels();
        if (a.getWidth() != e.getWidth() || a.getHeight() != e.getHeight()) return 0;
        long changed = 0, right = 0;
        for (int y = 0; y < e.getHeight(); y++) {
            for (int x = 0; x < e.getWidth(); x++) {
                int pa = a.getRGB(x, y), pe = e.getRGB(x, y), po = o.getRGB(x, y);
                if (!close(pe, po) || !close(pa, po)) {
                    changed++;
                    if (close(pa, pe)) right++;
                }
            }
        }
        return changed == 0 ? 1 : (double) right / changed;
    }

    private static boolean close(int p, int q) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((p >> shift) & 255) - ((q >> shift) & 255)) > TOLERANCE) return false;
        }
        return true;
    }
}
