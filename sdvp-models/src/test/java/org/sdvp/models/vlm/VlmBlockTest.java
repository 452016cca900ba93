package org.sdvp.models.vlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sdvp.models.ToyWorld;
import org.sdvp.models.train.SubTaskSet;

class VlmBlockTest {
    private static final SubTaskSet DATA = ToyWorld.data(16, 1);

    @Test
    void eachHeadHasItsShape() {
        try (VlmModel vlm = TinyVlm.create(DATA, 1);
                NDManager m = vlm.model().getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            BufferedImage crop = ToyWorld.crop("red", "disc", 40, new SplittableRandom(1));
            List<BufferedImage> crops = Collections.nCopies(3, crop);
            NDArray text = vlm.texts(m, List.of("what color is it", "is it red", "red square"));
            NDArray vqa = vlm.block().vqa(ps, vlm.crops(m, crops), text, false);
            assertEquals(new Shape(3, vlm.answers().size()), vqa.getShape());
            assertEquals(
                    new Shape(3),
                    vlm.block().match(ps, vlm.crops(m, crops), text, false).getShape());
            List<BufferedImage> full = Collections.nCopies(
                    3, ToyWorld.scene(new SplittableRandom(2)).image());
            VlmConfig c = vlm.config();
            assertEquals(
                    new Shape(3, 5, c.gridHeight(), c.gridWidth()),
                    vlm.block().loc(ps, vlm.fullImages(m, full), text, false).getShape());
        }
    }

    @Test
    void defaultStudentHasAboutAMillionParameters() {
        try (VlmModel vlm =
                VlmModel.create(VlmConfig.defaults(), TinyVlm.words(DATA, true), TinyVlm.answers(DATA), 1)) {
            long n = vlm.parameterCount();
            assertTrue(n > 600_000 && n < 1_500_000, "parameters: " + n);
        }
    }

    /** The LOC map's channel 0 is a logit whose sigmoid is the product σ(objectness) · σ(match). */
    @Test
    void locScoreIsTheProductOfObjectnessAndMatch() {
        try (VlmModel vlm = TinyVlm.create(DATA, 2);
                NDManager m = vlm.model().getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            List<BufferedImage> full = Collections.nCopies(
                    2, ToyWorld.scene(new SplittableRandom(3)).image());
            NDArray images = vlm.fullImages(m, full);
            NDArray text = vlm.texts(m, List.of("red square", "blue disc"));
            float[] score =
                    vlm.block().grounding(ps, images, text, false).score().toFloatArray();
            NDArray map = vlm.block().loc(ps, images, text, false);
            float[] fromMap =
                    ai.djl.nn.Activation.sigmoid(map.get(":, 0, :, :")).toFloatArray();
            assertArrayEquals(score, fromMap, 1e-5f);
        }
    }

    @Test
    void combinedLogitStaysFiniteAtTheExtremes() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {-40f, 0f, 40f, 40f});
            NDArray b = m.create(new float[] {-40f, 0f, 40f, -3f});
            float[] z = VlmBlock.combinedLogit(a, b).toFloatArray();
            for (float v : z) assertTrue(Float.isFinite(v), java.util.Arrays.toString(z));
            assertEquals(Math.log(0.25 / 0.75), z[1], 1e-5);
            assertTrue(z[0] < -70 && z[2] > 10, java.util.Arrays.toString(z));
        }
    }

    @Test
    void batchAnswersEqualSingleAnswers() {
        try (VlmModel vlm = TinyVlm.create(DATA, 3)) {
            List<BufferedImage> imgs =
                    DATA.vqa().stream().limit(5).map(e -> e.image()).toList();
            List<String> qs =
                    DATA.vqa().stream().limit(5).map(e -> e.question()).toList();
            float[][] batch = vlm.vqaProbabilities(imgs, qs);
            for (int i = 0; i < imgs.size(); i++) {
                float[] one = vlm.vqaProbabilities(List.of(imgs.get(i)), List.of(qs.get(i)))[0];
                assertArrayEquals(one, batch[i], 1e-5f);
                double sum = 0;
                for (float p : one) sum += p;
                assertEquals(1.0, sum, 1e-4);
            }
        }
    }
}
