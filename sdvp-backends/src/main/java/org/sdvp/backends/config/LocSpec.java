package org.sdvp.backends.config;

/**
 * LOC decoding: a box is kept when σ(logit) ≥ {@code threshold}; overlapping boxes (IoU > {@code nms}) keep the
 * higher score; at most {@code maxBoxes}. Defaults 0.1 (Hugging Face's OWL-ViT post-processing), 0.3, 20.
 */
public record LocSpec(Double threshold, Double nms, Integer maxBoxes) {
    public static LocSpec defaults() {
        return new LocSpec(null, null, null);
    }

    public double thresholdOrDefault() {
        return threshold == null ? 0.1 : threshold;
    }

    public double nmsOrDefault() {
        return nms == null ? 0.3 : nms;
    }

    public int maxBoxesOrDefault() {
        return maxBoxes == null ? 20 : maxBoxes;
    }
}
