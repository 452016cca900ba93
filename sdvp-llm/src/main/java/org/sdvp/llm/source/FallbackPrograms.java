package org.sdvp.llm.source;

import org.sdvp.core.source.Question;

/**
 * The program used when the LLM gives no valid program after all re-asks (as ViperGPT does): ask the
 * VQA model the whole question.
 *
 * <p>Single image: {@code ANSWER0=VQA(image=IMAGE,question='Q')}, {@code FINAL_RESULT=RESULT(var=ANSWER0)}.
 * Image pair: the statement is put to the VQA model on {@code LEFT} and on {@code RIGHT} and the answers are
 * combined with {@code or}: most pair statements that name one image ("the left image shows...", "in one
 * image...") are true when one side says yes, and for "both images..." statements each side sees both the
 * statement and its own image. The result is spelled {@code yes}/{@code no} explicitly, because a VQA answer
 * that is neither (e.g. {@code unknown}) is a truthy string that {@code or} would return as it is. It is a
 * weak baseline by design; the count of fallbacks is reported.
 */
public final class FallbackPrograms {
    private FallbackPrograms() {}

    /** Whether the example is an image pair ({@code LEFT} and {@code RIGHT}). */
    public static boolean isPair(Question example) {
        return example.images().containsKey("LEFT") && example.images().containsKey("RIGHT");
    }

    public static String programFor(Question example) {
        String q = quote(example.question());
        if (isPair(example)) {
            return "ANSWER0=VQA(image=LEFT,question=" + q + ")\n"
                    + "ANSWER1=VQA(image=RIGHT,question=" + q + ")\n"
                    + "ANSWER2=EVAL(expr=\"'yes' if {ANSWER0} or {ANSWER1} else 'no'\")\n"
                    + "FINAL_ANSWER=RESULT(var=ANSWER2)";
        }
        String image = example.images().containsKey("IMAGE") || example.images().isEmpty()
                ? "IMAGE"
                : example.images().keySet().iterator().next();
        return "ANSWER0=VQA(image=" + image + ",question=" + q + ")\n" + "FINAL_RESULT=RESULT(var=ANSWER0)";
    }

    /**
     * The fallback as a ViperGPT program: {@code simple_query} of the question on the image (for a pair, on
     * each image, true if either says yes, as the VisProg fallback). The question is a quoted literal.
     */
    public static String pythonFor(Question example) {
        String q = quote(example.question());
        if (isPair(example)) {
            return "def execute_command(left, right):\n"
                    + "    question = " + q + "\n"
                    + "    return ImagePatch(left).simple_query(question) == 'yes' or ImagePatch(right).simple_query(question) == 'yes'\n";
        }
        return "def execute_command(image):\n    return ImagePatch(image).simple_query(" + q + ")\n";
    }

    /** A single-quoted program string literal: one line, backslashes and quotes escaped. */
    static String quote(String text) {
        String oneLine = text.replaceAll("\\s*\\R\\s*", " ").strip();
        return "'" + oneLine.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
