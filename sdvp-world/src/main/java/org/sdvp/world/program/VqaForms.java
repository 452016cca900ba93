package org.sdvp.world.program;

import org.sdvp.world.question.Description;
import org.sdvp.world.scene.Attribute;

/**
 * The sub-questions converted programs ask VQA, and nothing else; the oracle reads them (and some
 * paraphrases) back with {@code org.sdvp.world.oracle.OracleQuestion}.
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
        @Override public String text() { return "What " + attribute.word() + " is the " + np.phrase() + "?"; }
    }

    record Verify(Description np, Attribute attribute, String value) implements VqaForms {
        @Override public String text() { return "Is the " + np.phrase() + " " + pred(attribute, value) + "?"; }
    }

    record Choose(Description np, Attribute attribute, String first, String second) implements VqaForms {
        @Override public String text() {
            return "Is the " + np.phrase() + " " + pred(attribute, first) + " or " + pred(attribute, second) + "?";
        }
    }

    record Exist(Description np) implements VqaForms {
        @Override public String text() { return "Is there " + np.withArticle() + "?"; }
    }

    record HowMany(Description np) implements VqaForms {
        @Override public String text() { return "How many " + np.plural() + " are there?"; }
    }

    private static String pred(Attribute a, String v) { return a == Attribute.SHAPE ? "a " + v : v; }
}
