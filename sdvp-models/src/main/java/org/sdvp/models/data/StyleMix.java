package org.sdvp.models.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares of visual styles in a data set, e.g. {@code studio 0.4, overcast 0.3, fog 0.3}. Scenes get their
 * styles by a deterministic interleaving (each scene goes to the style furthest below its share so far),
 * so the shares hold for every prefix of the data, not only on average.
 */
public record StyleMix(Map<String, Double> shares) {
    public StyleMix {
        if (shares.isEmpty()) throw new IllegalArgumentException("a style mix needs at least one style");
        shares = new LinkedHashMap<>(shares);
        for (double v : shares.values())
            if (!(v > 0)) throw new IllegalArgumentException("shares must be > 0: " + shares);
    }

    public static StyleMix of(String style) {
        return new StyleMix(Map.of(style, 1.0));
    }

    /** The world's general styles, as pretraining uses them: studio 40 %, overcast 30 %, fog 30 %. */
    public static StyleMix general() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("studio", 0.4);
        m.put("overcast", 0.3);
        m.put("fog", 0.3);
        return new StyleMix(m);
    }

    public List<String> styles() {
        return List.copyOf(shares.keySet());
    }

    /** The styles of scenes 0..n-1. */
    public List<String> assign(int n) {
        List<String> names = styles();
        double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        int[] had = new int[names.size()];
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestDeficit = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < names.size(); s++) {
                double deficit = (i + 1) * shares.get(names.get(s)) / total - had[s];
                if (deficit > bestDeficit + 1e-12) {
                    bestDeficit = deficit;
                    best = s;
                }
            }
            had[best]++;
            out.add(names.get(best));
        }
        return out;
    }
}
