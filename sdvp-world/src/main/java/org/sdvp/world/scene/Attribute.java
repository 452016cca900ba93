package org.sdvp.world.scene;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sdvp.data.clevr.program.ClevrSchema;

/**
 * The four object attributes of the world and their closed vocabularies ({@link ClevrSchema}, the CLEVR
 * schema's), in a fixed order (the order is part of the generator's determinism: it is the order values are
 * drawn in).
 */
public enum Attribute {
    SIZE("size"),
    COLOR("color"),
    MATERIAL("material"),
    SHAPE("shape");

    private final String word;
    private final List<String> values;

    Attribute(String word) {
        this.word = word;
        this.values = ClevrSchema.values(word);
    }

    /** The attribute's name as questions and CLEVR's function names spell it ("color", "shape"). */
    public String word() {
        return word;
    }

    public List<String> vocabulary() {
        return values;
    }

    /** The attribute a value word belongs to ("red" → COLOR); values are unique across attributes. */
    public static Optional<Attribute> ofValue(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (Attribute a : values()) if (a.values.contains(v)) return Optional.of(a);
        return Optional.empty();
    }

    /** This attribute's value among the four, in the records' field order (objects, descriptions). */
    public String of(String size, String color, String material, String shape) {
        return switch (this) {
            case SIZE -> size;
            case COLOR -> color;
            case MATERIAL -> material;
            case SHAPE -> shape;
        };
    }

    public static Attribute ofWord(String word) {
        for (Attribute a : values()) if (a.word.equals(word)) return a;
        throw new IllegalArgumentException("unknown attribute '" + word + "'");
    }
}
