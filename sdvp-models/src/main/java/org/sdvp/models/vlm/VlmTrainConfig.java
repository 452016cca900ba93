package org.sdvp.models.vlm;

/**
 * How the student is trained: each step draws {@code vqaBatch} VQA, {@code matchBatch} MATCH and
 * {@code locBatch} LOC examples (uniformly, with replacement, from a generator seeded by {@code seed}) and
 * minimises the weighted sum of the three losses with Adam under a warm-up + cosine schedule driven by the
 * step count.
 *
 * @param objectnessPositiveWeight weight of a cell holding an object in the objectness loss (cells
 *     without one weigh 1; a scene has a handful of objects among hundreds of cells)
 */
public record VlmTrainConfig(
        int steps,
        int vqaBatch,
        int matchBatch,
        int locBatch,
        float learningRate,
        int warmupSteps,
        float finalLearningRateFraction,
        float vqaWeight,
        float matchWeight,
        float locWeight,
        float objectnessPositiveWeight,
        float boxWeight,
        long seed) {

    public VlmTrainConfig {
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1: " + steps);
        if (vqaBatch < 0 || matchBatch < 0 || locBatch < 0 || vqaBatch + matchBatch + locBatch == 0) {
            throw new IllegalArgumentException("batch sizes must be >= 0 and not all 0");
        }
    }

    public static VlmTrainConfig defaults(int steps, long seed) {
        return new VlmTrainConfig(steps, 32, 32, 8, 2e-3f, Math.min(200, steps / 10), 0.05f, 1f, 1f, 1f, 4f, 5f, seed);
    }

    public VlmTrainConfig withSteps(int newSteps) {
        return new VlmTrainConfig(
                newSteps,
                vqaBatch,
                matchBatch,
                locBatch,
                learningRate,
                Math.min(warmupSteps, newSteps / 10),
                finalLearningRateFraction,
                vqaWeight,
                matchWeight,
                locWeight,
                objectnessPositiveWeight,
                boxWeight,
                seed);
    }

    public VlmTrainConfig withBatches(int vqa, int match, int loc) {
        return new VlmTrainConfig(
                steps,
                vqa,
                match,
                loc,
                learningRate,
                warmupSteps,
                finalLearningRateFraction,
                vqaWeight,
                matchWeight,
                locWeight,
                objectnessPositiveWeight,
                boxWeight,
                seed);
    }

    public VlmTrainConfig withLearningRate(float lr) {
        return new VlmTrainConfig(
                steps,
                vqaBatch,
                matchBatch,
                locBatch,
                lr,
                warmupSteps,
                finalLearningRateFraction,
                vqaWeight,
                matchWeight,
                locWeight,
                objectnessPositiveWeight,
                boxWeight,
                seed);
    }

    public int samplesPerStep() {
        return vqaBatch + matchBatch + locBatch;
    }
}
