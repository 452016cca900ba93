package org.sdvp.models.teacher;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.models.data.SubTaskSampler;
import org.sdvp.models.text.Tokenizer;
import org.sdvp.models.train.LocExample;
import org.sdvp.models.train.MatchExample;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.models.train.VqaExample;
import org.sdvp.models.vlm.VlmEvaluation;
import org.sdvp.world.question.Description;

/**
 * Measures a teacher's accuracy per coverage form ({@link TeacherCoverage}) on sub-task calls of its task's
 * validation split, answering every call itself (coverage ignored), as its services would.
 */
public final class CoverageMeasure {
    /**
     * Per validation scene: 12 VQA on crops, 8 on the whole image, 4 MATCH, 3 LOC on the whole image and 1 on a
     * directional crop. With the quick preset's 50 validation scenes each of the 12 crop forms gets about 50
     * calls and each whole-image form about 50–100.
     */
    public static final SubTaskSampler SAMPLER = new SubTaskSampler(12, 8, 4, 3, 1);

    private static final int BATCH = 32;

    private CoverageMeasure() {}

    public static TeacherCoverage measure(TeacherModel teacher, SubTaskSet calls) {
        Map<String, Double> values = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        try {
            vqa(teacher, calls.vqa(), values, counts);
            match(teacher, calls.match(), values, counts);
            loc(teacher, calls.loc(), values, counts);
        } catch (ModelServiceException e) {
            throw new IllegalStateException("measuring the teacher's coverage failed: " + e.getMessage(), e);
        }
        return TeacherCoverage.of(values, counts);
    }

    private static void vqa(
            TeacherModel t, List<VqaExample> all, Map<String, Double> values, Map<String, Integer> counts)
            throws ModelServiceException {
        List<VqaExample> usable = new ArrayList<>();
        List<String> forms = new ArrayList<>();
        for (VqaExample e : all) {
            TeacherCoverage.vqaForm(e.question(), TeacherServices.whole(e.image()))
                    .ifPresent(f -> {
                        usable.add(e);
                        forms.add(f);
                    });
        }
        TeacherServices.Vqa s = new TeacherServices.Vqa(t);
        // form -> gold answer -> {right, total}
        Map<String, Map<String, int[]>> right = new TreeMap<>();
        for (int i = 0; i < usable.size(); i += BATCH) {
            List<VqaExample> b = usable.subList(i, Math.min(usable.size(), i + BATCH));
            List<VqaAnswer> a = s.apply(b.stream()
                    .map(e -> new VqaRequest(image(e.image()), e.question()))
                    .toList());
            for (int k = 0; k < b.size(); k++) {
                String gold = Tokenizer.answer(b.get(k).answer());
                boolean ok = Tokenizer.answer(a.get(k).answer()).equals(gold);
                int[] c = right.computeIfAbsent(forms.get(i + k), x -> new TreeMap<>())
                        .computeIfAbsent(gold, x -> new int[2]);
                c[0] += ok ? 1 : 0;
                c[1]++;
            }
        }
        right.forEach((f, byGold) -> {
            values.put(f, accuracy(byGold));
            counts.put(f, byGold.values().stream().mapToInt(c -> c[1]).sum());
        });
    }

    /**
     * Plain accuracy, except for yes/no forms with both answers present: the mean of the accuracy on
     * yes-questions and on no-questions. Why: sampled whole-image questions are mostly "yes" (their phrases
     * are built from objects in the scene), programs' are not, so plain accuracy would reward a yes-bias and
     * punish a detector that misses objects out of proportion (quick nlvr-sim teacher: exist 0.697 on the
     * sampled calls, 0.852 on the calls programs made).
     */
    static double accuracy(Map<String, int[]> byGold) {
        if (byGold.size() == 2 && byGold.containsKey("yes") && byGold.containsKey("no")) {
            int[] y = byGold.get("yes"), n = byGold.get("no");
            return (y[0] / (double) y[1] + n[0] / (double) n[1]) / 2;
        }
        int r = 0, total = 0;
        for (int[] c : byGold.values()) {
            r += c[0];
            total += c[1];
        }
        return r / (double) total;
    }

    private static void match(
            TeacherModel t, List<MatchExample> all, Map<String, Double> values, Map<String, Integer> counts)
            throws ModelServiceException {
        List<MatchExample> usable = all.stream()
                .filter(e -> !TeacherServices.whole(e.image())
                        && Description.parse(e.text()).isPresent())
                .toList();
        if (usable.isEmpty()) return;
        TeacherServices.Match s = new TeacherServices.Match(t);
        int right = 0;
        for (int i = 0; i < usable.size(); i += BATCH) {
            List<MatchExample> b = usable.subList(i, Math.min(usable.size(), i + BATCH));
            List<Double> p = s.apply(b.stream()
                    .map(e -> new MatchRequest(image(e.image()), e.text()))
                    .toList());
            for (int k = 0; k < b.size(); k++) if ((p.get(k) >= 0.5) == b.get(k).matches()) right++;
        }
        values.put(TeacherCoverage.MATCH, right / (double) usable.size());
        counts.put(TeacherCoverage.MATCH, usable.size());
    }

    private static void loc(
            TeacherModel t, List<LocExample> all, Map<String, Double> values, Map<String, Integer> counts)
            throws ModelServiceException {
        List<LocExample> usable = all.stream()
                .filter(e -> Description.parse(e.phrase()).isPresent())
                .toList();
        if (usable.isEmpty()) return;
        TeacherServices.Loc s = new TeacherServices.Loc(t);
        long[] c = new long[3];
        for (int i = 0; i < usable.size(); i += BATCH) {
            List<LocExample> b = usable.subList(i, Math.min(usable.size(), i + BATCH));
            List<List<Detection>> found = s.apply(b.stream()
                    .map(e -> new LocRequest(image(e.image()), e.phrase()))
                    .toList());
            for (int k = 0; k < b.size(); k++) {
                List<Box> pred = found.get(k).stream().map(Detection::box).toList();
                long[] m = VlmEvaluation.matchBoxes(pred, b.get(k).boxes(), 0.5);
                for (int j = 0; j < 3; j++) c[j] += m[j];
            }
        }
        double recall = c[2] == 0 ? 1.0 : c[0] / (double) c[2];
        double precision = c[1] == 0 ? 1.0 : c[0] / (double) c[1];
        values.put("loc.recall", recall);
        values.put("loc.precision", precision);
        values.put("loc.f1", recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision));
        counts.put(TeacherCoverage.LOC, usable.size());
    }

    private static ImageValue image(BufferedImage img) {
        return ImageValue.source("val", img);
    }
}
