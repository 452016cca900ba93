package org.sdvp.models.teacher;

/**
 * A teacher training size: how many training questions of the task's split (and so scenes: one or two per
 * question) it reads, and how long it trains.
 */
public record TeacherPreset(String name, TeacherConfig architecture, int questions, int steps, int cropBatch,
                            int frameBatch, float learningRate) {

    /** About a minute on one thread. */
    public static TeacherPreset quick() {
        return new TeacherPreset("quick", TeacherConfig.defaults(), 400, 500, 32, 8, 3e-3f);
    }

    public static TeacherPreset standard() {
        return new TeacherPreset("default", TeacherConfig.defaults(), 2000, 2500, 32, 8, 3e-3f);
    }

    /** @throws IllegalArgumentException naming the valid presets */
    public static TeacherPreset named(String name) {
        return switch (name) {
            case "quick" -> quick();
            case "default" -> standard();
            default -> throw new IllegalArgumentException("unknown preset '" + name + "'; valid presets: quick, default");
        };
    }

    public TeacherTrainConfig trainConfig(long seed) {
        TeacherTrainConfig d = TeacherTrainConfig.defaults(steps, seed);
        return new TeacherTrainConfig(steps, cropBatch, frameBatch, learningRate, d.warmupSteps(),
                d.objectnessPositiveWeight(), d.boxWeight(), d.detAttributeWeight(), seed);
    }
}
