package org.sdvp.core.expr;

import java.util.regex.Pattern;
import org.sdvp.core.value.BoolValue;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.ListValue;
import org.sdvp.core.value.NoneValue;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;

/**
 * How EVAL sees program values. VisProg substitutes placeholders textually before Python's {@code eval},
 * so a VQA answer "yes" becomes {@code True} and "3" becomes {@code 3}; these rules reproduce that without
 * text substitution. Also holds Python's truthiness and the value descriptions used in error messages.
 */
public final class Coercions {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final int MAX_QUOTED = 40;

    private Coercions() {}

    /**
     * The value a placeholder stands for: text "yes"/"no" (any case, surrounding blanks ignored) becomes a
     * boolean, decimal text ("3", "-2.5") a number; everything else is unchanged.
     */
    public static Value coerce(Value value) {
        if (!(value instanceof TextValue text)) return value;
        String s = text.text().strip();
        if (s.equalsIgnoreCase("yes")) return BoolValue.TRUE;
        if (s.equalsIgnoreCase("no")) return BoolValue.FALSE;
        if (DECIMAL.matcher(s).matches()) return new NumberValue(Double.parseDouble(s));
        return value;
    }

    /** Python's truthiness: False, 0, empty text, None and empty collections are false. */
    public static boolean isTruthy(Value value) {
        if (value instanceof BoolValue b) return b.value();
        if (value instanceof NumberValue n) return n.value() != 0;
        if (value instanceof TextValue t) return !t.text().isEmpty();
        if (value instanceof BoxesValue boxes) return !boxes.isEmpty();
        if (value instanceof ListValue list) return !list.items().isEmpty();
        return !(value instanceof NoneValue);
    }

    /** The number a value stands for in arithmetic (booleans count as 1 and 0, as in Python), or null. */
    static Double numeric(Value value) {
        if (value instanceof NumberValue n) return n.value();
        if (value instanceof BoolValue b) return b.value() ? 1.0 : 0.0;
        return null;
    }

    /** "text 'red'", "number 3", "boolean True", "None", "boxes (2 found)", "an image", "a list of 4 items". */
    static String describe(Value value) {
        if (value instanceof TextValue t) {
            String s = t.text().length() > MAX_QUOTED ? t.text().substring(0, MAX_QUOTED) + "..." : t.text();
            return "text '" + s + "'";
        }
        if (value instanceof NumberValue n) return "number " + n.display();
        if (value instanceof BoolValue b) return "boolean " + (b.value() ? "True" : "False");
        if (value instanceof BoxesValue boxes) return "boxes (" + boxes.size() + " found)";
        if (value instanceof ImageValue) return "an image";
        if (value instanceof ListValue list) return "a list of " + list.items().size() + " items";
        return "None";
    }
}
