package org.sdvp.distill.trace;

import java.util.List;
import java.util.Objects;

/**
 * One call a program made to a distillable module, as collected from a task's training split: the unit
 * SDVP pseudo-labels and distills.
 *
 * @param questionId       the question whose program made the call
 * @param questionType     its type, for per-type counts
 * @param step             0-based step index in the program
 * @param line             1-based program line
 * @param module           the module (VisProg step or ViperGPT API method) that made the call
 * @param kind             LOC, VQA or MATCH
 * @param sourceImage      the source image's file name (its id in traces)
 * @param imagePath        where the source image lives, to cut the same pixels again
 * @param region           the region of the source the module saw, {@code [x1, y1, x2, y2]} in source pixels
 * @param text             the call's text input (object phrase, question, property)
 * @param response         what the executing backend answered, as JSON-ready data
 * @param backend          which backend answered ({@code --modules} of the collection run)
 * @param answerConsistent whether the program's final answer was right (answer-consistent filtering)
 */
public record SubTaskCall(
        String questionId,
        String questionType,
        int step,
        int line,
        String module,
        String kind,
        String sourceImage,
        String imagePath,
        List<Double> region,
        String text,
        Object response,
        String backend,
        boolean answerConsistent) {
    public SubTaskCall {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sourceImage, "sourceImage");
        region = List.copyOf(region);
        if (region.size() != 4) throw new IllegalArgumentException("region needs 4 numbers: " + region);
        Objects.requireNonNull(text, "text");
    }
}
