package org.sdvp.models.vlm;

import org.sdvp.models.data.StyleMix;
import org.sdvp.models.data.SubTaskSampler;

/**
 * A pretraining size: how many general scenes, how they are sampled into sub-task examples, how long to
 * train, on which architecture.
 *
 * @param evalScenes held-out scenes per evaluated style group (general mix, and each target style)
 */
public record PretrainPreset(String name, VlmConfig architecture, StyleMix styles, int scenes, int evalScenes,
                             SubTaskSampler sampler, int steps, int vqaBatch, int matchBatch, int locBatch,
                             float learningRate) {

    /** About 4 minutes on 2 shared cores with one PyTorch thread. */
    public static PretrainPreset quick() {
        return new PretrainPreset("quick", VlmConfig.defaults(), StyleMix.general(), 1500, 150,
                new SubTaskSampler(4, 2, 4, 2, 1), 700, 24, 16, 8, 2e-3f);
    }

    public static PretrainPreset standard() {
        return new PretrainPreset("default", VlmConfig.defaults(), StyleMix.general(), 6000, 300,
                new SubTaskSampler(4, 2, 4, 2, 1), 4000, 32, 24, 12, 1e-3f);
    }

    /** @throws IllegalArgumentException naming the valid presets */
    public static PretrainPreset named(String name) {
        return switch (name) {
            case "quick" -> quick();
            case "default" -> standard();
            default -> throw new IllegalArgumentException("unknown preset '" + name + "'; valid presets: quick, default");
        };
    }

    public VlmTrainConfig trainConfig(long seed) {
        return VlmTrainConfig.defaults(steps, seed).withBatches(vqaBatch, matchBatch, locBatch)
                .withLearningRate(learningRate);
    }
}
