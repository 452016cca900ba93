package org.sdvp.backends.config;

/**
 * MATCH calibration: probability = σ({@code scale} · logit + {@code bias}) (1 and 0 by default). CLIP's
 * logits are cosine similarities times 100, not log-odds, so a CLIP export wants a scale and a bias fitted on
 * a few labelled pairs. A [batch, 2] output (BLIP ITM) is read by softmax, index 1, and ignores both.
 */
public record MatchSpec(Double scale, Double bias) {
    public static MatchSpec defaults() {
        return new MatchSpec(null, null);
    }

    public double probability(double logit) {
        double z = (scale == null ? 1 : scale) * logit + (bias == null ? 0 : bias);
        return 1 / (1 + Math.exp(-z));
    }
}
