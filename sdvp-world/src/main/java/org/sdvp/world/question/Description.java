package org.sdvp.world.question;

import java.util.Locale;
import java.util.Optional;
import org.sdvp.data.clevr.program.NounPhrase;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.SceneObject;

/**
 * A noun phrase over the world's vocabulary: some attributes fixed, the others open ("large red cube",
 * "metal object"). Null fields are unconstrained. Parsing accepts exactly what {@link #phrase()} and
 * {@link #plural()} write, so program text round-trips to the oracle.
 */
public record Description(String size, String color, String material, String shape) {
    public static final Description ANY = new Description(null, null, null, null);

    public String get(Attribute a) {
        return a.of(size, color, material, shape);
    }

    public Description with(Attribute a, String v) {
        return new Description(
                a == Attribute.SIZE ? v : size,
                a == Attribute.COLOR ? v : color,
                a == Attribute.MATERIAL ? v : material,
                a == Attribute.SHAPE ? v : shape);
    }

    public boolean matches(SceneObject o) {
        for (Attribute a : Attribute.values()) {
            String v = get(a);
            if (v != null && !v.equals(o.get(a))) return false;
        }
        return true;
    }

    public int constraints() {
        int n = 0;
        for (Attribute a : Attribute.values()) if (get(a) != null) n++;
        return n;
    }

    /** The same constraints as the programs' noun phrase, which writes the words. */
    public NounPhrase noun() {
        return new NounPhrase(size, color, material, shape);
    }

    /** "large red metal cube"; "object" when the shape is open. */
    public String phrase() {
        return noun().phrase();
    }

    /** "large red metal cubes". */
    public String plural() {
        return noun().plural();
    }

    /** The phrase with its indefinite article: "a red cube", "an object". */
    public String withArticle() {
        return noun().withArticle();
    }

    /**
     * Parses a phrase (singular or plural, optional article, a few common synonyms such as "grey", "big",
     * "shiny", "ball"); empty if a word is outside the vocabulary. The writer only uses canonical words;
     * synonyms are read so that programs written by an LLM still reach the oracle.
     */
    public static Optional<Description> parse(String text) {
        Description d = ANY;
        boolean noun = false;
        for (String raw : text.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
            if (raw.isEmpty() || raw.equals("a") || raw.equals("an") || raw.equals("the") || raw.equals("any"))
                continue;
            if (noun) return Optional.empty();
            String w = canonical(raw);
            if (w.equals("object") || w.equals("objects")) {
                noun = true;
                continue;
            }
            Optional<Attribute> a = Attribute.ofValue(w);
            if (a.isEmpty() && w.endsWith("s")) {
                String single = canonical(w.substring(0, w.length() - 1));
                a = Attribute.ofValue(single).filter(x -> x == Attribute.SHAPE);
                if (a.isPresent()) w = single;
            }
            if (a.isEmpty() || d.get(a.get()) != null) return Optional.empty();
            d = d.with(a.get(), w);
            if (a.get() == Attribute.SHAPE) noun = true;
        }
        return noun || d.constraints() > 0 ? Optional.of(d) : Optional.empty();
    }

    private static final java.util.Map<String, String> SYNONYMS = java.util.Map.ofEntries(
            java.util.Map.entry("grey", "gray"),
            java.util.Map.entry("big", "large"),
            java.util.Map.entry("tiny", "small"),
            java.util.Map.entry("little", "small"),
            java.util.Map.entry("shiny", "metal"),
            java.util.Map.entry("metallic", "metal"),
            java.util.Map.entry("matte", "rubber"),
            java.util.Map.entry("ball", "sphere"),
            java.util.Map.entry("block", "cube"),
            java.util.Map.entry("thing", "object"),
            java.util.Map.entry("things", "objects"),
            java.util.Map.entry("item", "object"),
            java.util.Map.entry("items", "objects"));

    /** A vocabulary word for a common synonym ("grey" → "gray"); other words unchanged. */
    public static String canonical(String word) {
        return SYNONYMS.getOrDefault(word, word);
    }
}
