package org.sdvp.data.metric;

import org.sdvp.core.metric.Metric;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Value;

/**
 * Grounding accuracy at an IoU threshold (0.5 by convention): 1 when the best (first) predicted box overlaps
 * the gold box (the first gold box) with IoU ≥ the threshold. Both must be boxes in the same (source image)
 * coordinates; anything else scores 0, as does an empty prediction.
 */
public final class GroundingAccuracy implements Metric {
    private final double threshold;

    public GroundingAccuracy(double threshold) {
        if (!(threshold > 0 && threshold <= 1))
            throw new IllegalArgumentException("IoU threshold must be in (0, 1]: " + threshold);
        this.threshold = threshold;
    }

    /** The usual accuracy@0.5. */
    public GroundingAccuracy() {
        this(0.5);
    }

    @Override
    public String name() {
        return "iou@" + threshold;
    }

    @Override
    public double score(Value prediction, Value gold) {
        if (!(prediction instanceof BoxesValue p) || !(gold instanceof BoxesValue g) || p.isEmpty() || g.isEmpty())
            return 0;
        return p.detections().get(0).box().iou(g.detections().get(0).box()) >= threshold ? 1 : 0;
    }
}
