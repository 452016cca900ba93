package org.sdvp.data.clevr.program;

import java.util.List;
import java.util.Map;

/**
 * The vocabulary of the CLEVR schema as the project uses it: CLEVR's four attributes in CLEVR's phrase
 * order with their values (plus sdvp-world's {@code cone}), and the relations — CLEVR's
 * {@code left}/{@code right}/{@code behind}/{@code front} and sdvp-world's image-plane
 * {@code above}/{@code below}.
 */
public final class ClevrSchema {
    private ClevrSchema() {}

    /** In phrase order: "large red metal cube". */
    public static final List<String> ATTRIBUTES = List.of("size", "color", "material", "shape");

    /** Values per attribute, in a fixed order (sdvp-world draws values in this order: part of its determinism). */
    private static final Map<String, List<String>> VALUES = Map.of(
            "size", List.of("small", "large"),
            "color", List.of("gray", "red", "blue", "green", "brown", "purple", "cyan", "yellow"),
            "material", List.of("rubber", "metal"),
            "shape", List.of("cube", "sphere", "cylinder", "cone"));

    /** relation → how a question says it. */
    private static final Map<String, String> RELATION_PHRASES = Map.of(
            "left",
            "to the left of",
            "right",
            "to the right of",
            "above",
            "above",
            "below",
            "below",
            "behind",
            "behind",
            "front",
            "in front of");

    /** @throws IllegalArgumentException for an attribute outside the schema */
    public static List<String> values(String attribute) {
        List<String> v = VALUES.get(attribute);
        if (v == null) throw new IllegalArgumentException("unknown attribute '" + attribute + "'");
        return v;
    }

    public static boolean isRelation(String relation) {
        return RELATION_PHRASES.containsKey(relation);
    }

    /** "to the left of", "behind". */
    public static String relationPhrase(String relation) {
        String p = RELATION_PHRASES.get(relation);
        if (p == null) throw new IllegalArgumentException("unknown relation '" + relation + "'");
        return p;
    }

    /**
     * The VisProg crop that keeps what lies in {@code relation} to a box: farther objects sit higher in
     * CLEVR's camera view, so {@code behind} crops above and {@code front} below.
     */
    public static String cropModule(String relation) {
        return switch (relation) {
            case "left" -> "CROP_LEFTOF";
            case "right" -> "CROP_RIGHTOF";
            case "above", "behind" -> "CROP_ABOVE";
            case "below", "front" -> "CROP_BELOW";
            default -> throw new IllegalArgumentException("unknown relation '" + relation + "'");
        };
    }
}
