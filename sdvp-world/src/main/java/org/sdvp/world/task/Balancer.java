package org.sdvp.world.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rejection sampling towards balanced answers: within a question type no answer may exceed a share of that
 * type's questions: 25 %, or 50 % for yes/no types (two answers cannot do better). The cap is computed
 * from the type's final count, so it binds from the first question on.
 */
final class Balancer {
    static final double SHARE = 0.25;
    static final double BINARY_SHARE = 0.5;

    private final Map<String, Integer> perType = new HashMap<>();
    private final Map<String, Map<String, Integer>> counts = new HashMap<>();

    /** @param typeOf the type of every question of the split, in order */
    Balancer(List<String> typeOf) {
        for (String t : typeOf) perType.merge(t, 1, Integer::sum);
    }

    boolean admits(String type, String key, boolean binary) {
        if (key == null) return true;
        int cap = (int) Math.ceil((binary ? BINARY_SHARE : SHARE) * perType.getOrDefault(type, 1));
        return counts.getOrDefault(type, Map.of()).getOrDefault(key, 0) < Math.max(1, cap);
    }

    void accept(String type, String key) {
        if (key != null) counts.computeIfAbsent(type, t -> new HashMap<>()).merge(key, 1, Integer::sum);
    }
}
