package org.sdvp.models.teacher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sdvp.world.program.VqaForms;

/**
 * Which call forms a teacher claims ({@link TeacherServices}' {@code covers}), decided by its accuracy on
 * each form on the task's validation split, measured at the end of training ({@link CoverageMeasure}) and
 * stored in the checkpoint's {@code provenance.metrics} as {@code coverage.<form>} (accuracy) and
 * {@code coverage.<form>.calls} (how many validation calls it rests on).
 *
 * <p>Forms ({@link #vqaForm}): VQA on a crop per question form and attribute ({@code vqa.crop_query_color},
 * {@code vqa.crop_verify_size}, {@code vqa.crop_choose_shape}, …); VQA on a whole image per form
 * ({@code vqa.whole_exist}, {@code vqa.whole_count}, {@code vqa.whole_query}, {@code vqa.whole_verify},
 * {@code vqa.whole_choose}); {@code match}; {@code loc} (recall, precision and F1 at IoU 0.5).
 *
 * <p>The rule: a form is claimed when it rests on at least {@link #MIN_CALLS} validation calls and its accuracy
 * is at least {@link #MIN_ACCURACY} ({@code loc}: F1 at least {@link #MIN_LOC_F1}; yes/no forms: balanced
 * accuracy). A teacher without measured
 * coverage (built in memory, or a checkpoint written before coverage existed) claims every form it can parse,
 * as teachers did before.
 */
public final class TeacherCoverage {
    /**
     * Why 0.8: what matters is whether the teacher beats the student it is chained with, in the task's style,
     * which a teacher cannot see; the student's own numbers there are low (quick student on dusk: crop query
     * colour 0.20, material 0.62, shape 0.74; on program calls of gqa-sim 0.46 of VQA). 0.8 drops forms where
     * the teacher is little better than chance — a quick gqa-sim teacher's whole-image exist (0.61), count
     * (0.35), query (0.61) — and keeps the ones it reads off crops (0.85–1.0). A first choice of 0.9 (above
     * the default student's 0.847 on its own pretraining styles) left a quick teacher's shape questions
     * (0.85) to a student at 0.22 and made teacher+student chains no better than the student end to end
     * (docs/results.md). Yes/no forms are scored as balanced accuracy ({@link CoverageMeasure}).
     */
    public static final double MIN_ACCURACY = 0.8;
    /**
     * Grounding is scored per box (IoU ≥ 0.5), a harder measure than an answer's accuracy. Students ground
     * badly in a target style they never saw (quick student: recall 0.004 / precision 0.10 on gqa-sim's program
     * calls, 0.30 / 0.18 on nlvr-sim's; F1 ≤ 0.23), so a teacher with F1 ≥ 0.3 claims LOC; below it a
     * detector finds too little to be worth preferring.
     */
    public static final double MIN_LOC_F1 = 0.3;
    /** Below 20 calls an accuracy of 0.8 cannot be told from 0.65 (standard error ≈ 0.09–0.11): not claimed. */
    public static final int MIN_CALLS = 20;
    public static final String PREFIX = "coverage.";
    public static final String MATCH = "match";
    public static final String LOC = "loc";

    private static final TeacherCoverage UNMEASURED = new TeacherCoverage(Map.of(), Map.of(), false);

    private final Map<String, Double> values;
    private final Map<String, Integer> calls;
    private final boolean measured;

    private TeacherCoverage(Map<String, Double> values, Map<String, Integer> calls, boolean measured) {
        this.values = new TreeMap<>(values);
        this.calls = new TreeMap<>(calls);
        this.measured = measured;
    }

    /** Claims every form the teacher can parse (no measurement). */
    public static TeacherCoverage unmeasured() { return UNMEASURED; }

    /**
     * @param values form → accuracy; for {@code loc} the keys {@code loc.recall}, {@code loc.precision} and
     *     {@code loc.f1}
     * @param calls form → number of validation calls
     */
    public static TeacherCoverage of(Map<String, Double> values, Map<String, Integer> calls) {
        return new TeacherCoverage(values, calls, true);
    }

    /** Reads {@code coverage.*} entries of checkpoint metrics; none → {@link #unmeasured()}. */
    public static TeacherCoverage fromMetrics(Map<String, Double> metrics) {
        Map<String, Double> values = new TreeMap<>();
        Map<String, Integer> calls = new TreeMap<>();
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            if (!e.getKey().startsWith(PREFIX) || e.getValue() == null) continue;
            String k = e.getKey().substring(PREFIX.length());
            if (k.endsWith(".calls")) calls.put(k.substring(0, k.length() - ".calls".length()), e.getValue().intValue());
            else values.put(k, e.getValue());
        }
        return values.isEmpty() && calls.isEmpty() ? UNMEASURED : new TeacherCoverage(values, calls, true);
    }

    /** The entries to store in checkpoint metrics (empty when unmeasured). */
    public Map<String, Double> toMetrics() {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(PREFIX + k, v));
        calls.forEach((k, n) -> out.put(PREFIX + k + ".calls", (double) n));
        return out;
    }

    public boolean measured() { return measured; }

    /** Whether the teacher answers calls of {@code form} (one of the names above). */
    public boolean claims(String form) {
        if (!measured) return true;
        Double v = values.get(LOC.equals(form) ? LOC + ".f1" : form);
        int n = calls.getOrDefault(form, 0);
        return v != null && n >= MIN_CALLS && v >= (LOC.equals(form) ? MIN_LOC_F1 : MIN_ACCURACY);
    }

    /** The measured forms and whether each is claimed, in name order. */
    public Map<String, Boolean> decisions() {
        Map<String, Boolean> out = new TreeMap<>();
        for (String f : calls.keySet()) out.put(f, claims(f));
        return out;
    }

    public List<String> claimed() {
        List<String> out = new ArrayList<>();
        decisions().forEach((f, c) -> { if (c) out.add(f); });
        return out;
    }

    public Optional<Double> value(String key) { return Optional.ofNullable(values.get(key)); }

    public int calls(String form) { return calls.getOrDefault(form, 0); }

    /**
     * The coverage form of a VQA question on a crop or a whole image; empty for questions outside the
     * world's sub-question forms, and for existence and counts on a crop (they need the whole image).
     */
    public static Optional<String> vqaForm(String question, boolean wholeImage) {
        Optional<VqaForms> f = TeacherAnswers.form(question);
        if (f.isEmpty()) return Optional.empty();
        VqaForms v = f.get();
        if (wholeImage) {
            String name = v instanceof VqaForms.Exist ? "exist" : v instanceof VqaForms.HowMany ? "count"
                    : v instanceof VqaForms.Query ? "query" : v instanceof VqaForms.Verify ? "verify" : "choose";
            return Optional.of("vqa.whole_" + name);
        }
        if (v instanceof VqaForms.Query q) return Optional.of("vqa.crop_query_" + q.attribute().word());
        if (v instanceof VqaForms.Verify q) return Optional.of("vqa.crop_verify_" + q.attribute().word());
        if (v instanceof VqaForms.Choose q) return Optional.of("vqa.crop_choose_" + q.attribute().word());
        return Optional.empty();
    }

    @Override
    public String toString() {
        if (!measured) return "unmeasured (claims every form it parses)";
        StringBuilder b = new StringBuilder();
        decisions().forEach((f, c) -> b.append(b.length() == 0 ? "" : ", ").append(f).append(c ? "" : " (not claimed)"));
        return b.toString();
    }
}
