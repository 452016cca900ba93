package org.sdvp.world.style;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which style each scene of a split gets: one style ({@code dusk}), or a weighted mix
 * ({@code studio:65,fog:25,clutter:10}; weights are relative, default 1), or {@code general} for the three
 * general styles in equal parts — the kind of mix a general model is pretrained on. The choice for a scene
 * is a function of the scene's seed, so it is as deterministic as the scene.
 *
 * @param spec the text it was parsed from, recorded as the split's style
 */
public record StyleMix(String spec, List<String> styles, List<Double> weights) {
    public StyleMix {
        styles = List.copyOf(styles);
        weights = List.copyOf(weights);
    }

    /** @throws IllegalArgumentException naming the unknown style and listing the valid ones */
    public static StyleMix parse(String spec) {
        String text = spec.strip().equals("general") ? String.join(",", Styles.general()) : spec;
        List<String> styles = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            int colon = p.indexOf(':');
            String name = colon < 0 ? p : p.substring(0, colon).strip();
            double w;
            try {
                w = colon < 0 ? 1 : Double.parseDouble(p.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad weight in style mix '" + spec + "': " + p);
            }
            if (!(w > 0)) throw new IllegalArgumentException("style weights must be positive: " + p);
            Styles.get(name);
            if (styles.contains(name))
                throw new IllegalArgumentException("style '" + name + "' listed twice in '" + spec + "'");
            styles.add(name);
            weights.add(w);
        }
        return new StyleMix(spec.strip(), styles, weights);
    }

    public boolean single() {
        return styles.size() == 1;
    }

    /** The style of the scene drawn from {@code sceneSeed}. */
    public String pick(long sceneSeed) {
        if (single()) return styles.get(0);
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double u = new SplittableRandom(sceneSeed ^ 0x9E3779B97F4A7C15L).nextDouble() * total;
        for (int i = 0; i < styles.size(); i++) {
            u -= weights.get(i);
            if (u < 0) return styles.get(i);
        }
        return styles.get(styles.size() - 1);
    }
}
