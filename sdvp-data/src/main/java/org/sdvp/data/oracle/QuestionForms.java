package org.sdvp.data.oracle;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VQA sub-questions that converted dataset programs ask, written and parsed in one place so that the
 * converters and the scene oracles cannot drift apart. {@code X} is an object phrase
 * ({@code "not large white car"}), {@code T} a target name, {@code R} a relation as the dataset writes it.
 *
 * <pre>
 * What is the X?                          the object's name
 * What TYPE is the X?                     its attribute of that type (color, material, size, ...)
 * Which side of the image is the X on?    left / middle / right
 * Which part of the image is the X in?    top / middle / bottom
 * What is R the X?                        name of a thing S with (S R X)      "What is on the table?"
 * What is the X R?                        name of a thing O with (X R O)      "What is the man holding?"
 * Is the X VALUE?                         yes / no (attribute or name)
 * Is the X on the POS of the image?       yes / no
 * Is there a T R the X?                   yes / no: some T with (T R X)
 * Is the X R a T?                         yes / no: (X R some T)
 * Is the X A or B?                        A or B
 * Is the X on the A or on the B of the image?    A or B (positions)
 * Is the S A or B the O?                  A or B, the relation that holds (S A|B O); "to the left of"
 *                                         answers "left", as GQA's answers do
 * </pre>
 *
 * An object phrase X may be relative ({@code "thing on the table"}, {@code "thing that the man is holding"};
 * see {@link PhraseMatcher}). Parsing "Is the X R a T?" and "What is the X R?" needs the relation names the
 * scenes know, since phrases and relations are both free words.
 */
public final class QuestionForms {
    /** GQA attributes that {@code choose ATTR} asks about with two values; others (older, healthier) compare objects. */
    public static final Set<String> KNOWN_CHOICE_ATTRIBUTES = Set.of(
            "name",
            "color",
            "material",
            "size",
            "shape",
            "pose",
            "activity",
            "length",
            "height",
            "weather",
            "pattern",
            "state",
            "type",
            "cleanliness",
            "opaqness",
            "sportActivity",
            "tone",
            "fatness",
            "age",
            "face expression",
            "company");

    private QuestionForms() {}

    // ---- writing (converters) ----

    public static boolean isPosition(String attribute) {
        return attribute.equals("hposition") || attribute.equals("vposition");
    }

    public static String query(String attribute, String x) {
        return attribute.equals("name") ? "What is the " + x + "?" : "What " + attribute + " is the " + x + "?";
    }

    public static String queryPosition(String attribute, String x) {
        return attribute.equals("hposition")
                ? "Which side of the image is the " + x + " on?"
                : "Which part of the image is the " + x + " in?";
    }

    public static String queryRelated(String relation, boolean targetIsSubject, String anchor) {
        return targetIsSubject
                ? "What is " + relation + " the " + anchor + "?"
                : "What is the " + anchor + " " + relation + "?";
    }

    public static String verify(String x, String value) {
        return "Is the " + x + " " + value + "?";
    }

    public static String verifyPosition(String x, String position) {
        return "Is the " + x + " on the " + position + " of the image?";
    }

    public static String verifyRelation(String target, String relation, boolean targetIsSubject, String anchor) {
        return targetIsSubject
                ? "Is there a " + target + " " + relation + " the " + anchor + "?"
                : "Is the " + anchor + " " + relation + " a " + target + "?";
    }

    public static String choose(String x, String a, String b) {
        return "Is the " + x + " " + a + " or " + b + "?";
    }

    public static String choosePosition(String x, String a, String b) {
        return "Is the " + x + " on the " + a + " or on the " + b + " of the image?";
    }

    public static String chooseRelation(String target, String a, String b, boolean targetIsSubject, String anchor) {
        String subject = targetIsSubject ? target : anchor, object = targetIsSubject ? anchor : target;
        return "Is the " + subject + " " + a + " or " + b + " the " + object + "?";
    }

    // ---- reading (oracles) ----

    /** A parsed sub-question. */
    public sealed interface Parsed
            permits Name,
                    Attribute,
                    Side,
                    Part,
                    RelatedSubject,
                    RelatedObject,
                    Verify,
                    VerifyPosition,
                    VerifyRelation,
                    Choose,
                    ChoosePosition,
                    ChooseRelation {}

    public record Name(String x) implements Parsed {}

    public record Attribute(String type, String x) implements Parsed {}

    public record Side(String x) implements Parsed {}

    public record Part(String x) implements Parsed {}

    public record RelatedSubject(String relation, String x) implements Parsed {}

    public record RelatedObject(String x, String relation) implements Parsed {}

    public record Verify(String x, String value) implements Parsed {}

    public record VerifyPosition(String x, String position) implements Parsed {}

    /** Does some {@code target} stand in {@code relation} to/from {@code x}? */
    public record VerifyRelation(String x, String relation, String target, boolean targetIsSubject) implements Parsed {}

    public record Choose(String x, String a, String b) implements Parsed {}

    public record ChoosePosition(String x, String a, String b) implements Parsed {}

    public record ChooseRelation(String subject, String a, String b, String object) implements Parsed {}

    private static final Pattern CHOOSE_POSITION =
            Pattern.compile("is the (.+) on the (\\w+) or on the (\\w+) of the image");
    private static final Pattern VERIFY_POSITION = Pattern.compile("is the (.+) on the (\\w+) of the image");
    private static final Pattern SIDE = Pattern.compile("which side of the image is the (.+) on");
    private static final Pattern PART = Pattern.compile("which part of the image is the (.+) in");
    private static final Pattern ATTRIBUTE = Pattern.compile("what (\\w+) is the (.+)");
    private static final Pattern THERE_IS = Pattern.compile("is there (?:a|an|any) (.+)");
    private static final Pattern RELATED_SUBJECT = Pattern.compile("what is (.+?) the (.+)");

    /**
     * @param relations the relation names the scene knows (for the forms whose relation is not delimited)
     * @return empty when the text is in none of the forms
     */
    public static Optional<Parsed> parse(String question, Collection<String> relations) {
        String q = question.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (q.endsWith("?")) q = q.substring(0, q.length() - 1).strip();
        List<String> rels = relations.stream()
                .map(r -> r.toLowerCase(Locale.ROOT))
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        Matcher m;
        if ((m = CHOOSE_POSITION.matcher(q)).matches())
            return Optional.of(new ChoosePosition(m.group(1), m.group(2), m.group(3)));
        if ((m = VERIFY_POSITION.matcher(q)).matches()) return Optional.of(new VerifyPosition(m.group(1), m.group(2)));
        if ((m = SIDE.matcher(q)).matches()) return Optional.of(new Side(m.group(1)));
        if ((m = PART.matcher(q)).matches()) return Optional.of(new Part(m.group(1)));
        if (q.startsWith("what is the ")) {
            String rest = q.substring("what is the ".length());
            if (rest.contains(" that the ")) return Optional.of(new Name(rest)); // "thing that the man is holding"
            for (String r : rels) {
                if (rest.endsWith(" " + r))
                    return Optional.of(new RelatedObject(rest.substring(0, rest.length() - r.length() - 1), r));
            }
            return Optional.of(new Name(rest));
        }
        if ((m = ATTRIBUTE.matcher(q)).matches() && !m.group(1).equals("is"))
            return Optional.of(new Attribute(m.group(1), m.group(2)));
        if ((m = RELATED_SUBJECT.matcher(q)).matches()) return Optional.of(new RelatedSubject(m.group(1), m.group(2)));
        if ((m = THERE_IS.matcher(q)).matches()) {
            String rest = m.group(1);
            for (String r : rels) {
                int at = rest.indexOf(" " + r + " the ");
                if (at > 0)
                    return Optional.of(
                            new VerifyRelation(rest.substring(at + r.length() + 6), r, rest.substring(0, at), true));
            }
            return Optional.empty();
        }
        if (!q.startsWith("is the ")) return Optional.empty();
        String rest = q.substring("is the ".length());
        int or = rest.indexOf(" or ");
        if (or > 0) {
            String after = rest.substring(or + 4);
            int the = after.lastIndexOf(" the ");
            if (the > 0) {
                // "S A or B the O": B ends before the object phrase; A ends the subject side. A is a known
                // relation, or else as many words as B ("to the left of" / "to the right of").
                String left = rest.substring(0, or), b = after.substring(0, the), object = after.substring(the + 5);
                for (String r : rels) {
                    if (left.endsWith(" " + r))
                        return Optional.of(
                                new ChooseRelation(left.substring(0, left.length() - r.length() - 1), r, b, object));
                }
                String[] words = left.split(" ");
                int n = b.split(" ").length;
                if (words.length > n) {
                    String subject = String.join(" ", List.of(words).subList(0, words.length - n));
                    String a = String.join(" ", List.of(words).subList(words.length - n, words.length));
                    return Optional.of(new ChooseRelation(subject, a, b, object));
                }
                return Optional.empty();
            }
            String left = rest.substring(0, or), b = rest.substring(or + 4);
            int space = left.lastIndexOf(' ');
            if (space > 0) return Optional.of(new Choose(left.substring(0, space), left.substring(space + 1), b));
            return Optional.empty();
        }
        for (String r : rels) {
            int at = rest.indexOf(" " + r + " a ");
            if (at < 0) at = rest.indexOf(" " + r + " an ");
            if (at > 0) {
                String target = rest.substring(at + r.length() + 2).replaceFirst("^(a|an) ", "");
                return Optional.of(new VerifyRelation(rest.substring(0, at), r, target, false));
            }
        }
        int space = rest.lastIndexOf(' ');
        if (space < 0) return Optional.empty();
        return Optional.of(new Verify(rest.substring(0, space), rest.substring(space + 1)));
    }
}
