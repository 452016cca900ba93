package org.sdvp.models.vlm;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sdvp.core.value.Box;
import org.sdvp.models.text.Tokenizer;
import org.sdvp.models.train.MatchExample;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.models.train.VqaExample;

/**
 * Sub-task accuracy of a student on held-out examples: VQA exact match (overall and per question form),
 * MATCH accuracy at p = 0.5, LOC recall and precision at IoU ≥ 0.5 (boxes at or above the model's threshold,
 * each gold box matched at most once).
 */
public final class VlmEvaluation {
    private static final int BATCH = 64;

    private VlmEvaluation() {}

    /** Metric name → value; names are prefixed with {@code prefix} (e.g. "general."). */
    public static Map<String, Double> evaluate(VlmModel vlm, SubTaskSet data, String prefix) {
        Map<String, Double> out = new TreeMap<>();
        Map<String, int[]> forms = new TreeMap<>();
        int right = 0;
        for (int s = 0; s < data.vqa().size(); s += BATCH) {
            List<VqaExample> b = data.vqa().subList(s, Math.min(data.vqa().size(), s + BATCH));
            float[][] p = vlm.vqaProbabilities(
                    b.stream().map(VqaExample::image).toList(),
                    b.stream().map(VqaExample::question).toList());
            for (int i = 0; i < b.size(); i++) {
                boolean ok = vlm.answers()
                        .token(argmax(p[i]))
                        .equals(Tokenizer.answer(b.get(i).answer()));
                if (ok) right++;
                int[] f = forms.computeIfAbsent(b.get(i).form(), k -> new int[2]);
                f[0] += ok ? 1 : 0;
                f[1]++;
            }
        }
        if (!data.vqa().isEmpty())
            out.put(prefix + "vqa.accuracy", right / (double) data.vqa().size());
        forms.forEach((f, c) -> out.put(prefix + "vqa." + f, c[0] / (double) c[1]));
        int matchRight = 0;
        for (int s = 0; s < data.match().size(); s += BATCH) {
            List<MatchExample> b = data.match().subList(s, Math.min(data.match().size(), s + BATCH));
            float[] p = vlm.matchProbabilities(
                    b.stream().map(MatchExample::image).toList(),
                    b.stream().map(MatchExample::text).toList());
            for (int i = 0; i < b.size(); i++) if ((p[i] >= 0.5f) == b.get(i).matches()) matchRight++;
        }
        if (!data.match().isEmpty())
            out.put(
                    prefix + "match.accuracy",
                    matchRight / (double) data.match().size());
        if (!data.loc().isEmpty()) {
            LocCalibration.Point p = LocCalibration.points(vlm, data.loc(), List.of(vlm.locThreshold()))
                    .get(0);
            out.put(prefix + "loc.recall", p.recall());
            out.put(prefix + "loc.precision", p.precision());
        }
        return out;
    }

    /** {true positives, predictions, gold}: greedy one-to-one matching at {@code iou}. */
    public static long[] matchBoxes(List<Box> pred, List<Box> gold, double iou) {
        boolean[] used = new boolean[gold.size()];
        long tp = 0;
        for (Box p : pred) {
            int best = -1;
            double bestIou = iou;
            for (int g = 0; g < gold.size(); g++) {
                double v = p.iou(gold.get(g));
                if (!used[g] && v >= bestIou) {
                    bestIou = v;
                    best = g;
                }
            }
            if (best >= 0) {
                used[best] = true;
                tp++;
            }
        }
        return new long[] {tp, pred.size(), gold.size()};
    }

    static int argmax(float[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
        return best;
    }
}
