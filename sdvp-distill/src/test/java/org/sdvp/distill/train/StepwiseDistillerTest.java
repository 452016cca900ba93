package org.sdvp.distill.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.DataException;
import org.sdvp.distill.label.DistillSet;
import org.sdvp.distill.label.DistillTarget;
import org.sdvp.models.text.Vocabulary;
import org.sdvp.models.vlm.VlmConfig;
import org.sdvp.models.vlm.VlmModel;

/** The distillation loop: it learns the pseudo-labels, keeps frozen units fixed, and resumes exactly. */
public class StepwiseDistillerTest {
    private static final List<String> COLORS = List.of("red", "green", "blue");
    private static final Vocabulary ANSWERS = Vocabulary.build(COLORS, 1);
    private static final Map<String, Color> RGB =
            Map.of("red", new Color(200, 40, 40), "green", new Color(40, 180, 60), "blue", new Color(40, 70, 210));

    @Test
    void learnsTheTeachersAnswers(@TempDir Path tmp) throws Exception {
        DistillSet data = colourTargets(48, 3);
        try (VlmModel s = student(5)) {
            double before = agreement(s, data);
            new StepwiseDistiller(config(60)).distill(s, data, DistillSet.empty(), tmp, false, null);
            double after = agreement(s, data);
            assertTrue(after >= 0.9, "agreement with the teacher after distillation: " + before + " -> " + after);
        }
    }

    @Test
    void frozenUnitsKeepTheirWeights(@TempDir Path tmp) throws Exception {
        DistillSet data = colourTargets(24, 4);
        try (VlmModel s = student(6)) {
            Map<String, float[]> before = weights(s);
            new StepwiseDistiller(config(10)).distill(s, data, DistillSet.empty(), tmp, false, null);
            Map<String, float[]> after = weights(s);
            assertArrayEquals(before.get("conv0"), after.get("conv0"), "conv0 is frozen");
            assertNotEquals(
                    java.util.Arrays.toString(before.get("vqaOut")), java.util.Arrays.toString(after.get("vqaOut")));
        }
    }

    @Test
    void aResumedRunEndsWithTheSameWeightsAsAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        DistillSet data = colourTargets(32, 7);
        DistillSet replay = colourTargets(16, 8);
        DistillConfig c = config(30).toBuilder().checkpointEvery(10).build();
        Map<String, float[]> uninterrupted;
        StepwiseDistiller.Result whole;
        try (VlmModel s = student(9)) {
            whole = new StepwiseDistiller(c).distill(s, data, replay, tmp.resolve("a"), false, null);
            uninterrupted = weights(s);
        }
        // the interrupted run: killed after step 20 (state saved at 10 and 20), then resumed by a new model
        try (VlmModel s = student(9)) {
            new StepwiseDistiller(
                            c.withSteps(20).toBuilder().checkpointEvery(10).build())
                    .distill(s, data, replay, tmp.resolve("b"), false, null);
        }
        assertThrows(
                DataException.class,
                () -> {
                    try (VlmModel s = student(9)) {
                        new StepwiseDistiller(c).distill(s, data, replay, tmp.resolve("b"), true, null);
                    }
                },
                "a state saved under another config (20 steps) is refused");
        StepwiseDistiller.Result resumed;
        Map<String, float[]> after;
        try (VlmModel s = student(9)) {
            // same config this time: run 20 steps into folder c, then resume it to 30
            new StepwiseDistiller(c).distillUntil(s, data, replay, tmp.resolve("c"), false, null, 20);
        }
        try (VlmModel s = student(9)) {
            resumed = new StepwiseDistiller(c).distill(s, data, replay, tmp.resolve("c"), true, null);
            after = weights(s);
        }
        assertEquals(20, resumed.resumedFrom());
        assertEquals(whole.lossCurve(), resumed.lossCurve());
        for (String k : uninterrupted.keySet()) assertArrayEquals(uninterrupted.get(k), after.get(k), k);
    }

    @Test
    void stateIsSavedAtLeastOncePerEpochOnWholeCurveWindows() {
        assertEquals(68, StepwiseDistiller.checkpointInterval(100, 71, 4), "an epoch of 71 steps, windows of 4");
        assertEquals(100, StepwiseDistiller.checkpointInterval(100, 500, 4), "long epochs: checkpointEvery");
        assertEquals(4, StepwiseDistiller.checkpointInterval(100, 1, 4), "never more often than one window");
        var c = DistillConfig.defaults(200, 1); // batches 16 VQA / 8 MATCH / 4 LOC per step
        var batches = new StepwiseDistiller.Batches(c, colourTargets(32, 7), DistillSet.empty());
        assertEquals(2, batches.stepsPerEpoch(), "32 VQA targets, 16 a step");
        var replayOnly = new StepwiseDistiller.Batches(c, DistillSet.empty(), colourTargets(48, 7));
        assertEquals(3, replayOnly.stepsPerEpoch(), "no pseudo-labels: epochs of the replay set");
    }

    // ---- fixtures ----

    public static DistillConfig config(int steps) {
        return DistillConfig.builder(steps, 11).learningRate(3e-3f).build();
    }

    public static VlmModel student(long seed) {
        Vocabulary words =
                Vocabulary.build(List.of("what", "colour", "is", "it", "what_colour", "colour_is", "is_it"), 1);
        return VlmModel.create(VlmConfig.tiny(), words, ANSWERS, seed);
    }

    /** Crops of one coloured disc, labelled one-hot by a perfect "teacher". */
    public static DistillSet colourTargets(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Vocabulary answers = ANSWERS;
        List<DistillTarget> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String c = COLORS.get(r.nextInt(COLORS.size()));
            BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.GRAY);
            g.fillRect(0, 0, 28, 28);
            g.setColor(RGB.get(c));
            int m = 3 + r.nextInt(5);
            g.fillOval(m, m, 28 - 2 * m, 28 - 2 * m);
            g.dispose();
            float[] p = new float[answers.size()];
            p[answers.indexOf(c)] = 1f;
            out.add(new DistillTarget.Vqa(img, "what colour is it", p));
        }
        return DistillSet.of(out);
    }

    static double agreement(VlmModel s, DistillSet d) {
        float[][] p = s.vqaProbabilities(
                d.vqa().stream().map(DistillTarget::image).toList(),
                d.vqa().stream().map(DistillTarget::text).toList());
        int same = 0;
        for (int i = 0; i < p.length; i++) if (argmax(p[i]) == d.vqa().get(i).argmax()) same++;
        return same / (double) p.length;
    }

    static int argmax(float[] p) {
        int b = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[b]) b = i;
        return b;
    }

    /** Every parameter's values by the child block's name prefix (conv0, vqaOut, …), concatenated. */
    static Map<String, float[]> weights(VlmModel s) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : s.block().getParameters()) {
            out.merge(
                    p.getKey().replaceAll("^\\d+", "").split("_")[0],
                    p.getValue().getArray().toFloatArray(),
                    StepwiseDistillerTest::concat);
        }
        return out;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
