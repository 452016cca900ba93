package org.sdvp.data.clevr.program;

import java.util.ArrayList;
import java.util.List;

/**
 * The objects a chain of {@code filter_*} nodes describes, written as programs ask for them: "large red
 * metal cube", "object" when the shape is open. Null fields are unconstrained. sdvp-world's
 * {@code Description} writes its phrases through this record, so program text and the world's oracle and
 * teachers read the same words.
 */
public record NounPhrase(String size, String color, String material, String shape) {
    public static final NounPhrase ANY = new NounPhrase(null, null, null, null);

    /** @throws IllegalArgumentException for an attribute outside {@link ClevrSchema#ATTRIBUTES} */
    public String get(String attribute) {
        return switch (attribute) {
            case "size" -> size;
            case "color" -> color;
            case "material" -> material;
            case "shape" -> shape;
            default -> throw new IllegalArgumentException("unknown attribute '" + attribute + "'");
        };
    }

    public NounPhrase with(String attribute, String value) {
        get(attribute); // checks the name
        return new NounPhrase(
                attribute.equals("size") ? value : size,
                attribute.equals("color") ? value : color,
                attribute.equals("material") ? value : material,
                attribute.equals("shape") ? value : shape);
    }

    /** "large red metal cube"; "object" when the shape is open. */
    public String phrase() {
        return words(shape == null ? "object" : shape);
    }

    /** "large red metal cubes". */
    public String plural() {
        return words(shape == null ? "objects" : shape + "s");
    }

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
}
