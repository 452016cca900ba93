package org.sdvp.models.teacher;

/**
 * How a teacher is trained: each step draws {@code cropBatch} object crops (attribute cross entropy) and
 * {@code frameBatch} whole images (objectness, box and per-cell attribute terms), Adam under warm-up +
 * cosine driven by the step count.
 */
public record TeacherTrainConfig(
        int steps,
        int cropBatch,
        int frameBatch,
        float learningRate,
        int warmupSteps,
        float objectnessPositiveWeight,
        float boxWeight,
        float detAttributeWeight,
        long seed) {
    public TeacherTrainConfig {
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1: " + steps);
        if (cropBatch < 0 || frameBatch < 0 || cropBatch + frameBatch == 0) {
            throw new IllegalArgumentException("batch sizes must be >= 0 and not both 0");
        }
    }

    public static TeacherTrainConfig defaults(int steps, long seed) {
        return new TeacherTrainConfig(steps, 32, 8, 3e-3f, Math.min(100, steps / 10), 4f, 5f, 1f, seed);
    }
}
