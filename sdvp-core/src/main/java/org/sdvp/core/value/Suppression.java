package org.sdvp.core.value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Greedy non-maximum suppression, shared by every detector that decodes boxes from scores. */
public final class Suppression {
    private Suppression() {}

    /**
     * The best-scoring items first, each dropped when its box overlaps an already kept one by more than
     * {@code iou}, at most {@code maxBoxes}. The sort is stable, so ties keep the earlier item and the result
     * is deterministic.
     */
    public static <T> List<T> greedy(
            List<T> items, Function<T, Box> box, ToDoubleFunction<T> score, double iou, int maxBoxes) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingDouble(score).reversed());
        List<T> kept = new ArrayList<>();
        for (T item : sorted) {
            if (kept.size() >= maxBoxes) break;
            Box b = box.apply(item);
            if (kept.stream().noneMatch(k -> box.apply(k).iou(b) > iou)) kept.add(item);
        }
        return kept;
    }
}
