package org.sdvp.models.eval;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelService;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.models.data.SplitCalls;
import org.sdvp.models.data.SubTaskSampler;
import org.sdvp.models.train.LocExample;
import org.sdvp.models.train.MatchExample;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.models.train.VqaExample;
import org.sdvp.models.vlm.VlmEvaluation;
import org.sdvp.world.task.WorldTaskSpec;

/**
 * Measures a backend chain on sub-task calls from a task's split: the split's scenes (drawn with the same
 * seeds as {@code sdvp generate}, rendered in the task's style) sampled into the calls converted programs
 * make. Calls go through the services in batches of 32, as the evaluator's dispatcher would send them.
 */
public final class SubTaskEvaluation {
    private static final int BATCH = 32;

    private SubTaskEvaluation() {}

    /** The calls of a task's split ({@link SplitCalls#of}; kept for callers of this name). */
    public static SubTaskSet calls(WorldTaskSpec task, String split, int questions, long seed, SubTaskSampler sampler) {
        return SplitCalls.of(task, split, questions, seed, sampler);
    }

    /** Metric name → value, with the number of calls of each kind. */
    public static Map<String, Double> evaluate(ModelServices services, SubTaskSet calls) throws ModelServiceException {
        Map<String, Double> out = new TreeMap<>();
        if (services.vqa().isPresent() && !calls.vqa().isEmpty()) {
            ModelService<VqaRequest, VqaAnswer> s = services.vqa().get();
            Map<String, int[]> forms = new TreeMap<>();
            int right = 0;
            for (int i = 0; i < calls.vqa().size(); i += BATCH) {
                List<VqaExample> b = calls.vqa().subList(i, Math.min(calls.vqa().size(), i + BATCH));
                List<VqaAnswer> a = s.apply(b.stream()
                        .map(e -> new VqaRequest(image(e.image()), e.question()))
                        .toList());
                for (int k = 0; k < b.size(); k++) {
                    boolean ok = ProgramCallEvaluation.sameAnswer(
                            a.get(k).answer(), b.get(k).answer());
                    right += ok ? 1 : 0;
                    int[] f = forms.computeIfAbsent(b.get(k).form(), x -> new int[2]);
                    f[0] += ok ? 1 : 0;
                    f[1]++;
                }
            }
            out.put("vqa.accuracy", right / (double) calls.vqa().size());
            out.put("vqa.calls", (double) calls.vqa().size());
            forms.forEach((f, c) -> out.put("vqa." + f, c[0] / (double) c[1]));
        }
        if (services.match().isPresent() && !calls.match().isEmpty()) {
            ModelService<MatchRequest, Double> s = services.match().get();
            int right = 0;
            for (int i = 0; i < calls.match().size(); i += BATCH) {
                List<MatchExample> b =
                        calls.match().subList(i, Math.min(calls.match().size(), i + BATCH));
                List<Double> p = s.apply(b.stream()
                        .map(e -> new MatchRequest(image(e.image()), e.text()))
                        .toList());
                for (int k = 0; k < b.size(); k++)
                    if ((p.get(k) >= 0.5) == b.get(k).matches()) right++;
            }
            out.put("match.accuracy", right / (double) calls.match().size());
            out.put("match.calls", (double) calls.match().size());
        }
        if (services.loc().isPresent() && !calls.loc().isEmpty()) {
            ModelService<LocRequest, List<Detection>> s = services.loc().get();
            long[] c = new long[3];
            for (int i = 0; i < calls.loc().size(); i += BATCH) {
                List<LocExample> b = calls.loc().subList(i, Math.min(calls.loc().size(), i + BATCH));
                List<List<Detection>> found = s.apply(b.stream()
                        .map(e -> new LocRequest(image(e.image()), e.phrase()))
                        .toList());
                for (int k = 0; k < b.size(); k++) {
                    List<Box> pred = found.get(k).stream().map(Detection::box).toList();
                    long[] m = VlmEvaluation.matchBoxes(pred, b.get(k).boxes(), 0.5);
                    for (int j = 0; j < 3; j++) c[j] += m[j];
                }
            }
            out.put("loc.recall", c[2] == 0 ? 1.0 : c[0] / (double) c[2]);
            out.put("loc.precision", c[1] == 0 ? 1.0 : c[0] / (double) c[1]);
            out.put("loc.calls", (double) calls.loc().size());
        }
        return out;
    }

    private static ImageValue image(BufferedImage img) {
        return ImageValue.source("call", img);
    }
}
