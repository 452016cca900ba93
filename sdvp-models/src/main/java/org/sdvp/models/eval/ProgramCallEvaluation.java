package org.sdvp.models.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelService;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ServiceKind;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.models.teacher.TeacherCoverage;
import org.sdvp.models.teacher.TeacherServices;
import org.sdvp.models.text.Tokenizer;
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
        ModelService<VqaRequest, VqaAnswer> s = need(services.vqa().orElse(null), "VQA", services);
        ModelService<VqaRequest, VqaAnswer> g = need(gold.vqa().orElse(null), "VQA", gold);
        List<VqaRequest> graded = new ArrayList<>();
        for (Call c : calls) {
            VqaRequest r = new VqaRequest(c.image(), c.text());
            if (g.covers(r)) graded.add(r);
        }
        Map<String, int[]> forms = new TreeMap<>();
        int right = 0, uncovered = 0;
        for (int i = 0; i < graded.size(); i += BATCH) {
            List<VqaRequest> b = graded.subList(i, Math.min(graded.size(), i + BATCH));
            List<VqaAnswer> want = g.apply(b);
            List<VqaAnswer> got = apply(s, b);
            for (int k = 0; k < b.size(); k++) {
                if (got.get(k) == null) uncovered++;
                boolean ok = got.get(k) != null
                        && Tokenizer.answer(got.get(k).answer()).equals(Tokenizer.answer(want.get(k).answer()));
                right += ok ? 1 : 0;
                String form = TeacherCoverage.vqaForm(b.get(k).question(), TeacherServices.whole(b.get(k).image().pixels()))
                        .orElse("vqa.other");
                int[] f = forms.computeIfAbsent(form, x -> new int[2]);
                f[0] += ok ? 1 : 0;
                f[1]++;
            }
        }
        counts(out, "vqa", graded.size(), calls.size() - graded.size(), uncovered);
        if (!graded.isEmpty()) out.put("vqa.accuracy", right / (double) graded.size());
        forms.forEach((f, c) -> {
            out.put(f, c[0] / (double) c[1]);
            out.put(f + ".calls", (double) c[1]);
        });
    }

    private static void match(ModelServices services, ModelServices gold, List<Call> calls, Map<String, Double> out)
            throws ModelServiceException {
        ModelService<MatchRequest, Double> s = need(services.match().orElse(null), "MATCH", services);
        ModelService<MatchRequest, Double> g = need(gold.match().orElse(null), "MATCH", gold);
        List<MatchRequest> graded = new ArrayList<>();
        for (Call c : calls) {
            MatchRequest r = new MatchRequest(c.image(), c.text());
            if (g.covers(r)) graded.add(r);
        }
        int right = 0, uncovered = 0;
        for (int i = 0; i < graded.size(); i += BATCH) {
            List<MatchRequest> b = graded.subList(i, Math.min(graded.size(), i + BATCH));
            List<Double> want = g.apply(b);
            List<Double> got = apply(s, b);
            for (int k = 0; k < b.size(); k++) {
                if (got.get(k) == null) uncovered++;
                else if ((got.get(k) >= 0.5) == (want.get(k) >= 0.5)) right++;
            }
        }
        counts(out, "match", graded.size(), calls.size() - graded.size(), uncovered);
        if (!graded.isEmpty()) out.put("match.accuracy", right / (double) graded.size());
    }

    private static void loc(ModelServices services, ModelServices gold, List<Call> calls, Map<String, Double> out)
            throws ModelServiceException {
        ModelService<LocRequest, List<Detection>> s = need(services.loc().orElse(null), "LOC", services);
        ModelService<LocRequest, List<Detection>> g = need(gold.loc().orElse(null), "LOC", gold);
        List<LocRequest> graded = new ArrayList<>();
        for (Call c : calls) {
            LocRequest r = new LocRequest(c.image(), c.text());
            if (g.covers(r)) graded.add(r);
        }
        long[] c = new long[3];
        int uncovered = 0;
        for (int i = 0; i < graded.size(); i += BATCH) {
            List<LocRequest> b = graded.subList(i, Math.min(graded.size(), i + BATCH));
            List<List<Detection>> want = g.apply(b);
            List<List<Detection>> got = apply(s, b);
            for (int k = 0; k < b.size(); k++) {
                if (got.get(k) == null) uncovered++;
                List<Box> pred = got.get(k) == null ? List.of() : got.get(k).stream().map(Detection::box).toList();
                long[] m = VlmEvaluation.matchBoxes(pred, want.get(k).stream().map(Detection::box).toList(), 0.5);
                for (int j = 0; j < 3; j++) c[j] += m[j];
            }
        }
        counts(out, "loc", graded.size(), calls.size() - graded.size(), uncovered);
        if (!graded.isEmpty()) {
            out.put("loc.recall", c[2] == 0 ? 1.0 : c[0] / (double) c[2]);
            out.put("loc.precision", c[1] == 0 ? 1.0 : c[0] / (double) c[1]);
        }
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
        if (service == null) throw new ModelServiceException("backend " + bundle.name() + " has no " + kind + " service");
        return service;
    }
}
