package org.sdvp.world.style;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in styles. {@code studio}, {@code overcast} and {@code fog} are the general styles (the
 * general model's pretraining mix and the unseen tasks use them); {@code dusk} and {@code clutter} are the
 * target domains of gqa-sim and nlvr-sim, which the general model is meant not to have seen.
 */
public final class Styles {
    private Styles() {}

    private static final Map<String, Style> ALL = new LinkedHashMap<>();

    static {
        add(new Style(
                "studio",
                "plain gray room, neutral light, crisp shadows (CLEVR-like)",
                0xd2d2d0,
                0xbcbcba,
                0xa9a9a7,
                0x8e8e8c,
                new double[] {1, 1, 1},
                1.0,
                1.0,
                0.38,
                0,
                0,
                0,
                false,
                0));
        add(new Style(
                "overcast",
                "cool blue-gray daylight, soft faint shadows, slightly flat",
                0xaebfd0,
                0x96a6b4,
                0x8a949b,
                0x6f777c,
                new double[] {0.93, 0.98, 1.07},
                1.02,
                0.85,
                0.14,
                0,
                0,
                2,
                false,
                0));
        add(new Style(
                "fog",
                "light haze thickening with distance, grainy sensor noise",
                0xc8c8c8,
                0xbdbdbd,
                0xa4a4a4,
                0x8a8a8a,
                new double[] {1, 1, 1},
                1.0,
                0.95,
                0.22,
                0.55,
                0xd8dadc,
                9,
                false,
                0));
        add(new Style(
                "dusk",
                "warm, dim, low-contrast evening light with an orange cast",
                0x6a4a3a,
                0x8a5a3c,
                0x6b4a36,
                0x4a3426,
                new double[] {1.12, 0.82, 0.55},
                0.7,
                0.55,
                0.45,
                0,
                0,
                3,
                false,
                0));
        add(new Style(
                "clutter",
                "textured floor and wall with flat distractor blobs of every colour",
                0xb9b2a6,
                0xa89f92,
                0x9c9486,
                0x7d766b,
                new double[] {1, 1, 1},
                1.0,
                1.0,
                0.3,
                0,
                0,
                3,
                true,
                9));
    }

    private static void add(Style s) {
        ALL.put(s.name(), s);
    }

    public static Optional<Style> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    /** The style called {@code name}; the message lists the valid names. */
    public static Style get(String name) {
        Style s = ALL.get(name);
        if (s == null)
            throw new IllegalArgumentException(
                    "unknown style '" + name + "'; valid styles: " + String.join(", ", names()));
        return s;
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    public static List<Style> all() {
        return List.copyOf(ALL.values());
    }

    /** The styles a general model is pretrained on. */
    public static List<String> general() {
        return List.of("studio", "overcast", "fog");
    }
}
