package org.sdvp.data.clevr.program;

/**
 * The VQA sub-questions the emitters write, in one place: sdvp-world's {@code VqaForms} (what its oracle
 * and the task teachers parse back) are these texts.
 * <pre>
 * What ATTRIBUTE is the NP?          Is the NP VALUE? (shapes: a VALUE)     Is the NP VALUE or VALUE?
 * Is there A NP?                     How many NPs are there?
 * </pre>
 */
public final class SubQuestions {
    private SubQuestions() {}

    public static String query(NounPhrase np, String attribute) {
        return "What " + attribute + " is the " + np.phrase() + "?";
    }

    public static String verify(NounPhrase np, String attribute, String value) {
        return "Is the " + np.phrase() + " " + predicate(attribute, value) + "?";
    }

    public static String choose(NounPhrase np, String attribute, String first, String second) {
        return "Is the " + np.phrase() + " " + predicate(attribute, first) + " or " + predicate(attribute, second)
                + "?";
    }

    public static String exist(NounPhrase np) {
        return "Is there " + np.withArticle() + "?";
    }

    public static String howMany(NounPhrase np) {
        return "How many " + np.plural() + " are there?";
    }

    /** A shape is a noun: "a cube". */
    private static String predicate(String attribute, String value) {
        return attribute.equals("shape") ? "a " + value : value;
    }
}
