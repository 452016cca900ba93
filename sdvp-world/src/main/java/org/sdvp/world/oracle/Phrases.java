package org.sdvp.world.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sdvp.world.question.Description;
import org.sdvp.world.scene.Relation;
import org.sdvp.world.scene.Scene;

/**
 * Resolves a noun phrase against a whole scene: a {@link Description} ("large red cube", "rubber objects")
 * or a relational phrase ("cube to the left of the red sphere", nesting allowed). A phrase outside the
 * vocabulary resolves to nothing, as a detector would find nothing.
 */
final class Phrases {
    private static final Pattern RELATIONAL = Pattern.compile(
            "(.+?) (?:that is |which is |that are |which are )?(to the left of|left of|to the right of|right of|above|below|under) (?:the |a |an )?(.+)");

    private Phrases() {}

    static List<Integer> resolve(Scene s, String phrase) {
        String t = phrase.strip().toLowerCase(Locale.ROOT).replaceAll("^(the|a|an) ", "");
        Matcher m = RELATIONAL.matcher(t);
        if (m.matches()) {
            Optional<Description> d = Description.parse(m.group(1));
            if (d.isEmpty()) return List.of();
            Relation rel = switch (m.group(2)) {
                case "to the left of", "left of" -> Relation.LEFT;
                case "to the right of", "right of" -> Relation.RIGHT;
                case "above" -> Relation.ABOVE;
                default -> Relation.BELOW;
            };
            List<Integer> refs = resolve(s, m.group(3));
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                if (!d.get().matches(s.object(i))) continue;
                for (int r : refs) {
                    if (r != i && rel.holds(s.view(i), s.view(r))) {
                        out.add(i);
                        break;
                    }
                }
            }
            return out;
        }
        Optional<Description> d = Description.parse(t);
        if (d.isEmpty()) return List.of();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) if (d.get().matches(s.object(i))) out.add(i);
        return out;
    }
}
