package org.sdvp.models.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.sdvp.core.metric.AnswerNormalizer;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelService;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ServiceKind;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.models.teacher.TeacherCoverage;
import org.sdvp.models.teacher.TeacherServices;
import org.sdvp.models.vlm.VlmEvaluation;

/**
 * Measures a backend chain on the calls a task's programs really made (as {@code sdvp collect} records
 * them), against a gold backend's answers for the same requests — the world oracle, which answers from the
 * scene annotations of the very pixels each call saw. Metrics are named as {@link SubTaskEvaluation}'s;
 * VQA forms are named as a teacher's coverage names them ({@link TeacherCoverage#vqaForm}, questions outside
 * the world's forms as {@code vqa.other}).
 *
 * <p>A call the gold backend does not cover is not graded ({@code <kind>.ungraded}); a call no backend of
 * the chain covers is counted wrong (a program would fail there) and counted in {@code <kind>.uncovered}.
 */
public final class ProgramCallEvaluation {
    private static final int BATCH = 32;

    /** One recorded call: the module kind, the image it saw (with its source id and region) and its text. */
    public record Call(ServiceKind kind, ImageValue image, String text) {
        public Call {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(text, "text");
        }
    }

    private ProgramCallEvaluation() {}

    /** Metric name → value, with the number of graded calls of each kind ({@code <kind>.calls}). */
    public static Map<String, Double> evaluate(ModelServices services, ModelServices gold, List<Call> calls)
            throws ModelServiceException {
        Map<String, Double> out = new TreeMap<>();
        List<Call> vqa = new ArrayList<>(), match = new ArrayList<>(), loc = new ArrayList<>();
        for (Call c : calls) {
            (c.kind() == ServiceKind.VQA ? vqa : c.kind() == ServiceKind.MATCH ? match : loc).add(c);
        }
        if (!vqa.isEmpty()) vqa(services, gold, vqa, out);
        if (!match.isEmpty()) match(services, gold, match, out);
        if (!loc.isEmpty()) loc(services, gold, loc, out);
        return out;
    }

    private static void vqa(ModelServices services, ModelServices gold, List<Call> calls, Map<String, Double> out)
            throws ModelServiceException {
        Map<String, int[]> forms = new TreeMap<>();
        int[] right = new int[1];
        int graded = grade(
                services.vqa().orElse(null),
                gold.vqa().orElse(null),
                "VQA",
                services,
                gold,
                calls,
                out,
                VqaRequest::new,
                (r, want, got) -> {
                    boolean ok = got != null && sameAnswer(got.answer(), want.answer());
                    right[0] += ok ? 1 : 0;
                    String form = TeacherCoverage.vqaForm(
                                    r.question(),
                                    TeacherServices.whole(r.image().pixels()))
                            .orElse("vqa.other");
                    int[] f = forms.computeIfAbsent(form, x -> new int[2]);
                    f[0] += ok ? 1 : 0;
                    f[1]++;
                });
        if (graded > 0) out.put("vqa.accuracy", right[0] / (double) graded);
        forms.forEach((f, c) -> {
            out.put(f, c[0] / (double) c[1]);
            out.put(f + ".calls", (double) c[1]);
        });
    }

    /**
     * Answers compare as every benchmark metric compares them ({@link AnswerNormalizer}: case, punctuation,
     * articles, number words), so a CLEVR-form gold answer "a cylinder" is the vocabulary's "cylinder".
     */
    static boolean sameAnswer(String got, String want) {
        return AnswerNormalizer.normalize(got).equals(AnswerNormalizer.normalize(want));
    }

    private static void match(ModelServices services, ModelServices gold, List<Call> calls, Map<String, Double> out)
            throws ModelServiceException {
        int[] right = new int[1];
        int graded = grade(
                services.match().orElse(null),
                gold.match().orElse(null),
                "MATCH",
                services,
                gold,
                calls,
                out,
                MatchRequest::new,
                (r, want, got) -> {
                    if (got != null && (got >= 0.5) == (want >= 0.5)) right[0]++;
                });
        if (graded > 0) out.put("match.accuracy", right[0] / (double) graded);
    }

    private static void loc(ModelServices services, ModelServices gold, List<Call> calls, Map<String, Double> out)
            throws ModelServiceException {
        long[] c = new long[3];
        int graded = grade(
                services.loc().orElse(null),
                gold.loc().orElse(null),
                "LOC",
                services,
                gold,
                calls,
                out,
                LocRequest::new,
                (r, want, got) -> {
                    List<Box> pred = got == null
                            ? List.of()
                            : got.stream().map(Detection::box).toList();
                    long[] m = VlmEvaluation.matchBoxes(
                            pred, want.stream().map(Detection::box).toList(), 0.5);
                    for (int j = 0; j < 3; j++) c[j] += m[j];
                });
        if (graded > 0) {
            out.put("loc.recall", c[2] == 0 ? 1.0 : c[0] / (double) c[2]);
            out.put("loc.precision", c[1] == 0 ? 1.0 : c[0] / (double) c[1]);
        }
    }

    /** Grades one graded call: the gold answer and the chain's (null where no backend covered it). */
    private interface Grader<I, O> {
        void grade(I request, O want, O got);
    }

    /**
     * The calls the gold backend covers, in batches through gold and chain, each handed to {@code grader};
     * records the kind's counts and returns how many calls were graded.
     */
    private static <I, O> int grade(
            ModelService<I, O> chain,
            ModelService<I, O> goldService,
            String kind,
            ModelServices services,
            ModelServices gold,
            List<Call> calls,
            Map<String, Double> out,
            BiFunction<ImageValue, String, I> request,
            Grader<I, O> grader)
            throws ModelServiceException {
        ModelService<I, O> s = need(chain, kind, services);
        ModelService<I, O> g = need(goldService, kind, gold);
        List<I> graded = new ArrayList<>();
        for (Call c : calls) {
            I r = request.apply(c.image(), c.text());
            if (g.covers(r)) graded.add(r);
        }
        int uncovered = 0;
        for (int i = 0; i < graded.size(); i += BATCH) {
            List<I> b = graded.subList(i, Math.min(graded.size(), i + BATCH));
            List<O> want = g.apply(b);
            List<O> got = apply(s, b);
            for (int k = 0; k < b.size(); k++) {
                if (got.get(k) == null) uncovered++;
                grader.grade(b.get(k), want.get(k), got.get(k));
            }
        }
        counts(out, kind.toLowerCase(java.util.Locale.ROOT), graded.size(), calls.size() - graded.size(), uncovered);
        return graded.size();
    }

    /** The chain's answers; null where no backend covers the request. */
    private static <I, O> List<O> apply(ModelService<I, O> s, List<I> batch) throws ModelServiceException {
        List<I> covered = new ArrayList<>();
        for (I r : batch) if (s.covers(r)) covered.add(r);
        List<O> answers = covered.isEmpty() ? List.of() : s.apply(covered);
        List<O> out = new ArrayList<>(batch.size());
        int k = 0;
        for (I r : batch) out.add(s.covers(r) ? answers.get(k++) : null);
        return out;
    }

    private static void counts(Map<String, Double> out, String kind, int graded, int ungraded, int uncovered) {
        out.put(kind + ".calls", (double) graded);
        if (ungraded > 0) out.put(kind + ".ungraded", (double) ungraded);
        if (uncovered > 0) out.put(kind + ".uncovered", (double) uncovered);
    }

    private static <S> S need(S service, String kind, ModelServices bundle) throws ModelServiceException {
        if (service == null)
            throw new ModelServiceException("backend " + bundle.name() + " has no " + kind + " service");
        return service;
    }
}
