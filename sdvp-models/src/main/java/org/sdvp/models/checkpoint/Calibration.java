package org.sdvp.models.checkpoint;

import java.util.Map;
import java.util.TreeMap;

/**
 * Decoding settings chosen on validation data after training, stored with the checkpoint so every user of the
 * network decodes it the same way; SDVP stages inherit their parent's.
 *
 * <p>Why a threshold needs choosing at all: the student's grounding score is a product of two probabilities
 * (objectness × phrase match), so a fixed 0.5 asks both to exceed about 0.7 and drops true objects the
 * network ranks correctly (docs/models.md).
 *
 * @param locThreshold the grounding score at or above which a grid cell is reported as a box
 * @param chosenOn     the data the threshold was chosen on (never a task's test split) and the rule
 * @param valF1        F1 at IoU 0.5 on that data for every threshold tried
 * @param heldOut      metrics at the chosen threshold on held-out data other than {@code chosenOn}
 */
public record Calibration(
        double locThreshold, String chosenOn, Map<String, Double> valF1, Map<String, Double> heldOut) {
    /** What an uncalibrated checkpoint decodes with. */
    public static final double DEFAULT_LOC_THRESHOLD = 0.5;

    public Calibration {
        if (!(locThreshold > 0 && locThreshold < 1)) {
            throw new IllegalArgumentException("locThreshold must be in (0, 1): " + locThreshold);
        }
        valF1 = valF1 == null ? Map.of() : new TreeMap<>(valF1);
        heldOut = heldOut == null ? Map.of() : new TreeMap<>(heldOut);
    }

    public Calibration withHeldOut(Map<String, Double> metrics) {
        return new Calibration(locThreshold, chosenOn, valF1, metrics);
    }
}
