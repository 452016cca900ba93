package org.sdvp.models.teacher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sdvp.world.program.VqaForms;

/**
 * A teacher's measured accuracy per call form: its accuracy on
 * the task's validation split, measured at the end of training ({@link CoverageMeasure}) and
 * stored in the checkpoint's {@code provenance.metrics} as {@code coverage.<form>} (accuracy) and
 * {@code coverage.<form>.calls} (how many validation calls it rests on).
 *
 * <p>Forms ({@link #vqaForm}): VQA on a crop per question form and attribute ({@code vqa.crop_query_color},
 * {@code vqa.crop_verify_size}, {@code vqa.crop_choose_shape}, …); VQA on a whole image per form
 * ({@code vqa.whole_exist}, {@code vqa.whole_count}, {@code vqa.whole_query}, {@code vqa.whole_verify},
 * {@code vqa.whole_choose}); {@code match}; {@code loc} (recall, precision and F1 at IoU 0.5).
 *
 * <p>The measurement is recorded, not used to decide coverage: a teacher claims every form it can parse. A
 * rule that claimed a form only at validation accuracy ≥ 0.8 (LOC F1 ≥ 0.3; tried first at 0.9 / 0.55) on at
 * least 20 calls was measured to make quick teacher + student chains worse end to end (gqa-sim 0.607 → 0.560,
 * nlvr-sim 0.753 → 0.647; docs/results.md), because calls sampled from the val split are not the calls
 * programs make: the teachers' whole-image answers look poor on sampled calls and beat the student on
 * program calls (nlvr-sim exist 0.852 vs 0.574).
 */
public final class TeacherCoverage {
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
    public static TeacherCoverage unmeasured() {
        return UNMEASURED;
    }

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
            if (k.endsWith(".calls"))
                calls.put(
                        k.substring(0, k.length() - ".calls".length()),
                        e.getValue().intValue());
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

    public boolean measured() {
        return measured;
    }

    /** The measured forms, in name order. */
    public List<String> forms() {
        return new ArrayList<>(new TreeMap<>(calls).keySet());
    }

    public Optional<Double> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public int calls(String form) {
        return calls.getOrDefault(form, 0);
    }

    /**
     * The coverage form of a VQA question on a crop or a whole image; empty for questions outside the
     * world's sub-question forms, and for existence and counts on a crop (they need the whole image).
     */
    public static Optional<String> vqaForm(String question, boolean wholeImage) {
        Optional<VqaForms> f = TeacherAnswers.form(question);
        if (f.isEmpty()) return Optional.empty();
        VqaForms v = f.get();
        if (wholeImage) {
            String name = v instanceof VqaForms.Exist
                    ? "exist"
                    : v instanceof VqaForms.HowMany
                            ? "count"
                            : v instanceof VqaForms.Query
                                    ? "query"
                                    : v instanceof VqaForms.Verify ? "verify" : "choose";
            return Optional.of("vqa.whole_" + name);
        }
        if (v instanceof VqaForms.Query q)
            return Optional.of("vqa.crop_query_" + q.attribute().word());
        if (v instanceof VqaForms.Verify q)
            return Optional.of("vqa.crop_verify_" + q.attribute().word());
        if (v instanceof VqaForms.Choose q)
            return Optional.of("vqa.crop_choose_" + q.attribute().word());
        return Optional.empty();
    }

    @Override
    public String toString() {
        if (!measured) return "unmeasured";
        StringBuilder b = new StringBuilder();
        for (String f : forms())
            b.append(b.length() == 0 ? "" : ", ").append(f).append(' ').append(values.get(f));
        return b.toString();
    }
}
