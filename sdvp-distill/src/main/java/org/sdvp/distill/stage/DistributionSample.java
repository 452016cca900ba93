package org.sdvp.distill.stage;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sdvp.core.trace.Thumbnails;
import org.sdvp.distill.label.DistillSet;
import org.sdvp.distill.label.DistillTarget;
import org.sdvp.models.vlm.VlmModel;

/**
 * What distillation did to a few of a stage's targets: for a sample of its pseudo-labelled VQA and MATCH
 * calls (evenly spaced over the targets), the teacher's distribution (the target, in the student's answer
 * space) next to the student's before the stage (S_k-1) and after it (S_k). Written to the stage folder as
 * {@value #FILE}; {@code sdvp serve}'s stage page shows it. The student is trained in place, so
 * {@link #before} must be called before training and {@link #after} once it is done.
 */
final class DistributionSample {
    static final String FILE = "distributions.json";
    static final int VQA = 8, MATCH = 4, TOP = 5, THUMB = 64;

    private final List<DistillTarget.Vqa> vqa;
    private final List<DistillTarget.Match> match;
    private float[][] vqaBefore, vqaAfter;
    private float[] matchBefore, matchAfter;

    private DistributionSample(List<DistillTarget.Vqa> vqa, List<DistillTarget.Match> match) {
        this.vqa = vqa;
        this.match = match;
    }

    static DistributionSample of(DistillSet targets) {
        return new DistributionSample(spaced(targets.vqa(), VQA), spaced(targets.match(), MATCH));
    }

    /** {@code n} items evenly spaced over {@code all}, first included (all of them when there are fewer). */
    static <T> List<T> spaced(List<T> all, int n) {
        if (all.size() <= n) return List.copyOf(all);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(all.get((int) ((long) i * all.size() / n)));
        return out;
    }

    void before(VlmModel student) {
        vqaBefore = vqa(student);
        matchBefore = match(student);
    }

    void after(VlmModel student) {
        vqaAfter = vqa(student);
        matchAfter = match(student);
    }

    private float[][] vqa(VlmModel s) {
        return vqa.isEmpty()
                ? new float[0][]
                : s.vqaProbabilities(
                        vqa.stream().map(DistillTarget::image).toList(),
                        vqa.stream().map(DistillTarget::text).toList());
    }

    private float[] match(VlmModel s) {
        return match.isEmpty()
                ? new float[0]
                : s.matchProbabilities(
                        match.stream().map(DistillTarget::image).toList(),
                        match.stream().map(DistillTarget::text).toList());
    }

    /**
     * The file's content: {@code vqa} (per call: text, thumbnail, and the top {@value #TOP} answers of the
     * teacher, the student before and after, each {@code [{answer, p}]}, plus the probability each student
     * gave the teacher's top answer) and {@code match} (text, thumbnail, teacher, before, after).
     */
    Map<String, Object> toJson(VlmModel student) {
        if (vqaBefore == null || vqaAfter == null) throw new IllegalStateException("before() and after() first");
        List<Object> v = new ArrayList<>();
        for (int i = 0; i < vqa.size(); i++) {
            DistillTarget.Vqa t = vqa.get(i);
            int top = t.argmax();
            Map<String, Object> m = call(t.text(), t.image());
            m.put("teacher", top(t.probs(), student));
            m.put("before", top(vqaBefore[i], student));
            m.put("after", top(vqaAfter[i], student));
            m.put("teacherAnswer", student.answers().token(top));
            m.put("teacherAnswerBefore", vqaBefore[i][top]);
            m.put("teacherAnswerAfter", vqaAfter[i][top]);
            v.add(m);
        }
        List<Object> mt = new ArrayList<>();
        for (int i = 0; i < match.size(); i++) {
            DistillTarget.Match t = match.get(i);
            Map<String, Object> m = call(t.text(), t.image());
            m.put("teacher", t.probability());
            m.put("before", matchBefore[i]);
            m.put("after", matchAfter[i]);
            mt.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("vqa", v);
        out.put("match", mt);
        return out;
    }

    private static Map<String, Object> call(String text, BufferedImage image) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", text);
        m.put("image", Thumbnails.dataUri(image, List.of(), THUMB));
        return m;
    }

    private static List<Object> top(float[] probs, VlmModel student) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < probs.length; i++) idx.add(i);
        idx.sort(Comparator.<Integer>comparingDouble(i -> -probs[i]).thenComparingInt(i -> i));
        List<Object> out = new ArrayList<>();
        for (int i : idx.subList(0, Math.min(TOP, idx.size()))) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("answer", student.answers().token(i));
            a.put("p", probs[i]);
            out.add(a);
        }
        return out;
    }
}
