package org.sdvp.models.vlm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.Json;
import org.sdvp.models.ToyWorld;
import org.sdvp.models.checkpoint.Provenance;
import org.sdvp.models.train.SubTaskSet;

/** SDVP fine-tunes loaded students: training must start from the loaded weights, not re-initialise them. */
class FineTuneTest {
    @Test
    void trainingALoadedCheckpointStartsFromItsWeights(@TempDir Path tmp) throws Exception {
        SubTaskSet data = ToyWorld.data(32, 13);
        List<java.awt.image.BufferedImage> imgs =
                data.vqa().stream().map(e -> e.image()).toList();
        List<String> qs = data.vqa().stream().map(e -> e.question()).toList();
        try (VlmModel vlm = TinyVlm.create(data, 13)) {
            new VlmTrainer(
                            vlm,
                            VlmTrainConfig.defaults(80, 13)
                                    .withBatches(16, 16, 4)
                                    .withLearningRate(5e-3f))
                    .train(data, null);
            vlm.save(
                    tmp.resolve("s"),
                    Provenance.of(
                            "test",
                            "general",
                            13,
                            Json.mapper().createObjectNode(),
                            "x",
                            1,
                            Json.mapper().createObjectNode(),
                            Map.of(),
                            null));
        }
        try (VlmModel loaded = VlmModel.load(tmp.resolve("s"))) {
            double before = accuracy(loaded, imgs, qs, data);
            // a tiny learning rate: the answers must stay those of the trained model
            new VlmTrainer(
                            loaded,
                            VlmTrainConfig.defaults(2, 1).withBatches(8, 0, 0).withLearningRate(1e-6f))
                    .train(data, null);
            double after = accuracy(loaded, imgs, qs, data);
            assertTrue(before > 0.6, "the saved model had learned: " + before);
            assertTrue(
                    Math.abs(after - before) < 0.1,
                    "fine-tuning re-initialised the weights: " + before + " -> " + after);
        }
    }

    private static double accuracy(VlmModel m, List<java.awt.image.BufferedImage> imgs, List<String> qs, SubTaskSet d) {
        float[][] p = m.vqaProbabilities(imgs, qs);
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            if (m.answers()
                    .token(VlmEvaluation.argmax(p[i]))
                    .equals(d.vqa().get(i).answer())) right++;
        }
        return right / (double) p.length;
    }
}
