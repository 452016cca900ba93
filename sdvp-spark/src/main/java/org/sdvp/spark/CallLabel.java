package org.sdvp.spark;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.awt.image.BufferedImage;
import org.sdvp.distill.label.DistillTarget;
import org.sdvp.distill.trace.SubTaskCall;

/**
 * One call's pseudo-label without its pixels, as an executor writes it ({@code labels.jsonl}): the call's line in
 * the calls file and its target in the student's output space. The driver cuts the pixels again from the call's
 * source image ({@code CallImages}, as the local path does) to make the {@link DistillTarget}. Floats are written
 * in Java's shortest round-trip form, so they read back to the same bits.
 *
 * @param line        the call's 0-based line in the calls file
 * @param kind        VQA, MATCH or LOC
 * @param probs       VQA: the distribution over the student's answers
 * @param probability MATCH: the match probability
 * @param objectness  LOC: per grid cell
 * @param box         LOC: the box code, 4 per cell
 * @param objects     LOC: every object the teacher found on the image and which fit the phrase, where it
 *                    answered for "object" ({@link DistillTarget.ImageObjects})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CallLabel(
        long line,
        String kind,
        float[] probs,
        Float probability,
        float[] objectness,
        float[] box,
        DistillTarget.ImageObjects objects) {

    static CallLabel of(long line, DistillTarget t) {
        if (t instanceof DistillTarget.Vqa v) return new CallLabel(line, "VQA", v.probs(), null, null, null, null);
        if (t instanceof DistillTarget.Match m)
            return new CallLabel(line, "MATCH", null, m.probability(), null, null, null);
        DistillTarget.Loc l = (DistillTarget.Loc) t;
        return new CallLabel(line, "LOC", null, null, l.objectness(), l.box(), l.objects());
    }

    /** The target, with the pixels the call saw and its text (what the local path's target holds). */
    DistillTarget target(SubTaskCall call, BufferedImage pixels) {
        return switch (kind) {
            case "VQA" -> new DistillTarget.Vqa(pixels, call.text(), probs);
            case "MATCH" -> new DistillTarget.Match(pixels, call.text(), probability);
            case "LOC" -> new DistillTarget.Loc(pixels, call.text(), objectness, box, objects);
            default -> throw new IllegalArgumentException("label of line " + line + " has kind " + kind);
        };
    }
}
