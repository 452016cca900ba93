package org.sdvp.world.oracle;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sdvp.world.question.Description;
import org.sdvp.world.scene.Attribute;

/**
 * A VQA question as the oracle reads it. Converted programs only ask the {@code VqaForms}; this parser also
 * reads common paraphrases ("What is the color of …", "Are there any …", "How many … are in the image"),
 * synonyms ("grey", "shiny", "ball") and relational phrases ("the cube to the left of the red sphere"), so
 * programs written by an LLM are judged on their logic, not their wording. The noun phrase stays text and
 * is resolved against the scene by {@link Phrases}.
 */
sealed interface OracleQuestion {

    String np();

    record Query(String np, Attribute attribute) implements OracleQuestion {}

    record Verify(String np, Attribute attribute, String value) implements OracleQuestion {}

    record Choose(String np, Attribute attribute, String first, String second) implements OracleQuestion {}

    record Exist(String np) implements OracleQuestion {}

    record HowMany(String np) implements OracleQuestion {}

    String ATTR = "(color|colour|shape|size|material)";
    String IN_IMAGE = "(?: in (?:the|this) (?:image|picture|photo|scene))?";
    Pattern QUERY = Pattern.compile("what " + ATTR + " (?:is|are) (?:the |this |that )?(.+)");
    Pattern QUERY_OF = Pattern.compile("what is the " + ATTR + " of (?:the )?(.+)");
    Pattern MADE_OF = Pattern.compile("what is (?:the )?(.+) made of");
    Pattern EXIST = Pattern.compile("(?:is there|are there) (?:a |an |any )?(.+?)" + IN_IMAGE);
    Pattern HOW_MANY =
            Pattern.compile("how many (.+?)(?: are there| are visible| can you see| do you see| are)?" + IN_IMAGE);
    Pattern CHOOSE =
            Pattern.compile("(?:is|are) (?:the )?(.+?) (?:made of )?(?:an? )?(\\w+) or (?:made of )?(?:an? )?(\\w+)");
    Pattern VERIFY = Pattern.compile("(?:is|are) (?:the )?(.+?) (?:made of )?(?:an? )?(\\w+)");

    static Optional<OracleQuestion> parse(String question) {
        String q = question.toLowerCase(Locale.ROOT)
                .replaceAll("[?.!]+\\s*$", "")
                .replaceAll("\\s+", " ")
                .strip();
        Matcher m;
        if ((m = QUERY.matcher(q)).matches() || (m = QUERY_OF.matcher(q)).matches()) {
            return Optional.of(new Query(m.group(2), attribute(m.group(1))));
        }
        if ((m = MADE_OF.matcher(q)).matches()) return Optional.of(new Query(m.group(1), Attribute.MATERIAL));
        if ((m = EXIST.matcher(q)).matches()) return Optional.of(new Exist(m.group(1)));
        if ((m = HOW_MANY.matcher(q)).matches()) {
            // "how many cubes are to the left of the sphere": the relation belongs to the phrase
            return Optional.of(new HowMany(
                    m.group(1).replaceFirst(" (?:are|is) (?=to the |left of |right of |above |below |under )", " ")));
        }
        if ((m = CHOOSE.matcher(q)).matches()) {
            Optional<Attribute> a = value(m.group(2)), b = value(m.group(3));
            if (a.isPresent() && a.equals(b)) {
                return Optional.of(new Choose(
                        m.group(1), a.get(), Description.canonical(m.group(2)), Description.canonical(m.group(3))));
            }
        }
        if ((m = VERIFY.matcher(q)).matches()) {
            Optional<Attribute> a = value(m.group(2));
            if (a.isPresent()) return Optional.of(new Verify(m.group(1), a.get(), Description.canonical(m.group(2))));
        }
        return Optional.empty();
    }

    private static Attribute attribute(String word) {
        return Attribute.ofWord(word.equals("colour") ? "color" : word);
    }

    private static Optional<Attribute> value(String word) {
        return Attribute.ofValue(Description.canonical(word));
    }
}
