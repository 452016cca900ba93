package org.sdvp.world.scene;

import java.util.Locale;
import org.sdvp.data.clevr.program.ClevrSchema;

/**
 * Spatial relations in image coordinates, on the centres of visible boxes. The generator keeps centres at
 * least a pixel apart per axis, so for any two objects exactly one of left/right and one of above/below
 * holds, and a directional crop at the reference's centre holds exactly the related objects.
 */
public enum Relation {
    LEFT("left"),
    RIGHT("right"),
    ABOVE("above"),
    BELOW("below");

    private final String word;

    Relation(String word) {
        this.word = word;
    }

    /** CLEVR's key in {@code relationships} and the value input of {@code relate}. */
    public String word() {
        return word;
    }

    /** How questions say it: "the cube to the left of the red sphere". */
    public String phrase() {
        return ClevrSchema.relationPhrase(word);
    }

    /** Whether {@code a} is {@code this} of {@code b}. */
    public boolean holds(ObjectView a, ObjectView b) {
        return switch (this) {
            case LEFT -> a.centerX() < b.centerX();
            case RIGHT -> a.centerX() > b.centerX();
            case ABOVE -> a.centerY() < b.centerY();
            case BELOW -> a.centerY() > b.centerY();
        };
    }

    public static Relation ofWord(String w) {
        return valueOf(w.toUpperCase(Locale.ROOT));
    }
}
