package org.sdvp.models.data;

import java.util.ArrayList;
import java.util.List;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.Relation;

/**
 * The closed vocabularies of the world: every answer a sub-question can have, and every word its phrases
 * use. Fixing them (instead of reading them off the training data) makes a student's output space the same
 * whatever data it saw, which SDVP's adapters and KL targets rely on.
 */
public final class WorldLexicon {
    private WorldLexicon() {}

    /** Attribute values, yes/no and the counts 0–10, in a fixed order. */
    public static List<String> answers() {
        List<String> out = new ArrayList<>();
        for (Attribute a : Attribute.values()) out.addAll(a.vocabulary());
        out.add("yes");
        out.add("no");
        for (int i = 0; i <= 10; i++) out.add(Integer.toString(i));
        return out;
    }

    /** Words of the question forms, phrases and referring expressions. */
    public static List<String> words() {
        List<String> out = new ArrayList<>();
        for (Attribute a : Attribute.values()) {
            out.add(a.word());
            out.addAll(a.vocabulary());
        }
        for (String s : Attribute.SHAPE.vocabulary()) out.add(s + "s");
        out.addAll(List.of(
                "object", "objects", "thing", "things", "what", "is", "the", "a", "an", "any", "or", "there", "how",
                "many", "are", "of", "to"));
        for (Relation r : Relation.values()) out.addAll(List.of(r.phrase().split(" ")));
        return out;
    }
}
