package org.sdvp.world.question;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
        return switch (a) {
            case SIZE -> size;
            case COLOR -> color;
            case MATERIAL -> material;
            case SHAPE -> shape;
        };
    }

    public Description with(Attribute a, String v) {
        return new Description(a == Attribute.SIZE ? v : size, a == Attribute.COLOR ? v : color,
                a == Attribute.MATERIAL ? v : material, a == Attribute.SHAPE ? v : shape);
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

    /** "large red metal cube"; "object" when the shape is open. */
    public String phrase() { return words(shape == null ? "object" : shape); }

    /** "large red metal cubes". */
    public String plural() { return words(shape == null ? "objects" : shape + "s"); }

    /** The phrase with its indefinite article: "a red cube", "an object". */
    public String withArticle() {
        String p = phrase();
        return ("aeiou".indexOf(p.charAt(0)) >= 0 ? "an " : "a ") + p;
    }

    private String words(String noun) {
        List<String> w = new ArrayList<>();
        if (size != null) w.add(size);
        if (color != null) w.add(color);
        if (material != null) w.add(material);
        w.add(noun);
        return String.join(" ", w);
    }

    /** Parses a phrase (singular or plural, optional article); empty if a word is not in the vocabulary. */
    public static Optional<Description> parse(String text) {
        Description d = ANY;
        boolean noun = false;
        for (String raw : text.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
            if (raw.isEmpty() || raw.equals("a") || raw.equals("an") || raw.equals("the") || raw.equals("any")) continue;
            if (noun) return Optional.empty();
            if (raw.equals("object") || raw.equals("objects") || raw.equals("thing") || raw.equals("things")) {
                noun = true;
                continue;
            }
            String w = raw;
            Optional<Attribute> a = Attribute.ofValue(w);
            if (a.isEmpty() && w.endsWith("s")) {
                a = Attribute.ofValue(w.substring(0, w.length() - 1)).filter(x -> x == Attribute.SHAPE);
                if (a.isPresent()) w = w.substring(0, w.length() - 1);
            }
            if (a.isEmpty() || d.get(a.get()) != null) return Optional.empty();
            d = d.with(a.get(), w);
            if (a.get() == Attribute.SHAPE) noun = true;
        }
        return noun || d.constraints() > 0 ? Optional.of(d) : Optional.empty();
    }
}
