package org.sdvp.models.teacher;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sdvp.world.program.VqaForms;
import org.sdvp.world.question.Description;
import org.sdvp.world.scene.Attribute;

/**
 * Reads exactly the sub-question forms that {@link VqaForms} writes (what converted programs ask). A teacher
 * covers a VQA call only when its question parses here: anything freer goes to the general backend.
 */
public final class FormParser {
    private static final Pattern QUERY = Pattern.compile("what (color|shape|size|material) is the (.+)\\?");
    private static final Pattern CHOOSE = Pattern.compile("is the (.+?) (?:a )?(\\w+) or (?:a )?(\\w+)\\?");
    private static final Pattern VERIFY = Pattern.compile("is the (.+) (?:a )?(\\w+)\\?");
    private static final Pattern EXIST = Pattern.compile("is there (?:a|an|any) (.+)\\?");
    private static final Pattern HOW_MANY = Pattern.compile("how many (.+) are there\\?");

    private FormParser() {}

    public static Optional<VqaForms> parse(String question) {
        String q = question.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m;
        if ((m = QUERY.matcher(q)).matches()) {
            Attribute a = Attribute.ofWord(m.group(1));
            return Description.parse(m.group(2)).map(d -> new VqaForms.Query(d, a));
        }
        if ((m = CHOOSE.matcher(q)).matches()) {
            Optional<Attribute> a = Attribute.ofValue(m.group(2));
            if (a.isPresent() && a.equals(Attribute.ofValue(m.group(3)))) {
                String first = m.group(2), second = m.group(3);
                return Description.parse(m.group(1)).map(d -> new VqaForms.Choose(d, a.get(), first, second));
            }
        }
        if ((m = VERIFY.matcher(q)).matches()) {
            Optional<Attribute> a = Attribute.ofValue(m.group(2));
            if (a.isPresent()) {
                String v = m.group(2);
                return Description.parse(m.group(1)).map(d -> new VqaForms.Verify(d, a.get(), v));
            }
        }
        if ((m = EXIST.matcher(q)).matches()) return Description.parse(m.group(1)).map(VqaForms.Exist::new);
        if ((m = HOW_MANY.matcher(q)).matches()) return Description.parse(m.group(1)).map(VqaForms.HowMany::new);
        return Optional.empty();
    }
}
