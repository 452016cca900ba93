package org.sdvp.core.value;

import java.util.List;

/** Choosing among scored candidates (matches of crops against texts, categories of an object). */
public final class Scores {
    private Scores() {}

    /** Index of the highest score; ties keep the first, as asking one candidate at a time did. */
    public static int firstBest(List<Double> scores) {
        if (scores.isEmpty()) throw new IllegalArgumentException("no scores to choose from");
        int best = 0;
        for (int i = 1; i < scores.size(); i++) if (scores.get(i) > scores.get(best)) best = i;
        return best;
    }
}
