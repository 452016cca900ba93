package org.sdvp.models.vlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdvp.models.ToyWorld;
import org.sdvp.models.train.StepLoop;
import org.sdvp.models.train.SubTaskSet;

class VlmTrainerTest {

    @Test
    void lossFallsWhenOverfittingThirtyTwoExamples() {
        SubTaskSet data = ToyWorld.data(32, 7);
        try (VlmModel vlm = TinyVlm.create(data, 7)) {
            VlmTrainConfig c =
                    VlmTrainConfig.defaults(120, 7).withBatches(16, 16, 4).withLearningRate(5e-3f);
            StepLoop.Result r = new VlmTrainer(vlm, c).train(data, null);
            List<Double> curve = r.lossCurve();
            double early = curve.get(0), late = curve.get(curve.size() - 1);
            assertTrue(late < 0.5 * early, "loss " + early + " -> " + late);
            // and the model now answers its training questions
            int right = 0;
            float[][] p = vlm.vqaProbabilities(
                    data.vqa().stream().map(e -> e.image()).toList(),
                    data.vqa().stream().map(e -> e.question()).toList());
            for (int i = 0; i < p.length; i++) {
                int best = 0;
                for (int k = 1; k < p[i].length; k++) if (p[i][k] > p[i][best]) best = k;
                if (vlm.answers().token(best).equals(data.vqa().get(i).answer())) right++;
            }
            assertTrue(right >= 28, "VQA right on " + right + "/32 training examples");
        }
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        SubTaskSet data = ToyWorld.data(24, 3);
        VlmTrainConfig c = VlmTrainConfig.defaults(8, 11).withBatches(8, 8, 2);
        float[] a = trainedWeights(data, c, 5);
        float[] b = trainedWeights(data, c, 5);
        assertArrayEquals(a, b, 0f);
        float[] other = trainedWeights(
                data,
                new VlmTrainConfig(
                        8,
                        8,
                        8,
                        2,
                        c.learningRate(),
                        c.warmupSteps(),
                        c.finalLearningRateFraction(),
                        1,
                        1,
                        1,
                        4,
                        5,
                        12),
                5);
        assertFalse(java.util.Arrays.equals(a, other), "another data seed must change the weights");
    }

    private static float[] trainedWeights(SubTaskSet data, VlmTrainConfig c, long modelSeed) {
        try (VlmModel vlm = TinyVlm.create(data, modelSeed)) {
            new VlmTrainer(vlm, c).train(data, null);
            List<float[]> parts = new ArrayList<>();
            int n = 0;
            for (Pair<String, Parameter> p : vlm.block().getParameters()) {
                float[] v = p.getValue().getArray().toFloatArray();
                parts.add(v);
                n += v.length;
            }
            float[] all = new float[n];
            int off = 0;
            for (float[] v : parts) {
                System.arraycopy(v, 0, all, off, v.length);
                off += v.length;
            }
            return all;
        }
    }
}
