package org.sdvp.world.program;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sdvp.data.clevr.program.SubQuestions;
import org.sdvp.world.question.Description;
import org.sdvp.world.scene.Attribute;

/**
 * The sub-questions converted programs ask VQA ({@link SubQuestions} writes them), and nothing else;
 * {@link #parse} reads exactly
 * these back (what a teacher may cover); the oracle also reads paraphrases ({@code OracleQuestion}).
 *
 * <ul>
 *   <li>{@code What <attribute> is the <np>?} → an attribute value</li>
 *   <li>{@code Is the <np> <value>?} (shapes: {@code a <shape>}) → yes / no</li>
 *   <li>{@code Is the <np> <value> or <value>?} → one of the two values</li>
 *   <li>{@code Is there <a np>?} → yes / no</li>
 *   <li>{@code How many <np plural> are there?} → a number</li>
 * </ul>
 */
public sealed interface VqaForms {

    String text();

    record Query(Description np, Attribute attribute) implements VqaForms {
        @Override
        public String text() {
            return SubQuestions.query(np.noun(), attribute.word());
        }
    }

    record Verify(Description np, Attribute attribute, String value) implements VqaForms {
        @Override
        public String text() {
            return SubQuestions.verify(np.noun(), attribute.word(), value);
        }
    }

    record Choose(Description np, Attribute attribute, String first, String second) implements VqaForms {
        @Override
        public String text() {
            return SubQuestions.choose(np.noun(), attribute.word(), first, second);
        }
    }

    record Exist(Description np) implements VqaForms {
        @Override
        public String text() {
            return SubQuestions.exist(np.noun());
        }
    }

    record HowMany(Description np) implements VqaForms {
        @Override
        public String text() {
            return SubQuestions.howMany(np.noun());
        }
    }

    Pattern QUERY = Pattern.compile("what (color|shape|size|material) is the (.+)\\?");
    Pattern CHOOSE = Pattern.compile("is the (.+?) (?:a )?(\\w+) or (?:a )?(\\w+)\\?");
    Pattern VERIFY = Pattern.compile("is the (.+) (?:a )?(\\w+)\\?");
    Pattern EXIST = Pattern.compile("is there (?:a|an) (.+)\\?");
    Pattern HOW_MANY = Pattern.compile("how many (.+) are there\\?");

    /**
     * Reads a question written by one of the forms, and no other wording (case, spacing and the synonyms
     * {@link Description#parse} knows aside): what a
     * task-specific teacher may claim to cover. The oracle reads more ({@code OracleQuestion}).
     */
    public static Optional<VqaForms> parse(String question) {
        String q = question.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m;
        if ((m = QUERY.matcher(q)).matches()) {
            Attribute a = Attribute.ofWord(m.group(1));
            return Description.parse(m.group(2)).map(d -> new Query(d, a));
        }
        if ((m = CHOOSE.matcher(q)).matches()) {
            Optional<Attribute> a = Attribute.ofValue(m.group(2));
            if (a.isPresent() && a.equals(Attribute.ofValue(m.group(3)))) {
                String first = m.group(2), second = m.group(3);
                return Description.parse(m.group(1)).map(d -> new Choose(d, a.get(), first, second));
            }
        }
        if ((m = VERIFY.matcher(q)).matches()) {
            Optional<Attribute> a = Attribute.ofValue(m.group(2));
            if (a.isPresent()) {
                String v = m.group(2);
                return Description.parse(m.group(1)).map(d -> new Verify(d, a.get(), v));
            }
        }
        if ((m = EXIST.matcher(q)).matches())
            return Description.parse(m.group(1)).map(Exist::new);
        if ((m = HOW_MANY.matcher(q)).matches())
            return Description.parse(m.group(1)).map(HowMany::new);
        return Optional.empty();
    }
}
