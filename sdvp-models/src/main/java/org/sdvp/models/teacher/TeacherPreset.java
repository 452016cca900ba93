package org.sdvp.models.teacher;

/**
 * A teacher training size: how many training questions of the task's split (and so scenes: one or two per
 * question) it reads, and how long it trains.
 */
public record TeacherPreset(
        String name,
        TeacherConfig architecture,
        int questions,
        int steps,
        int cropBatch,
        int frameBatch,
        float learningRate) {

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
            default ->
                throw new IllegalArgumentException("unknown preset '" + name + "'; valid presets: quick, default");
        };
    }

    /**
     * This preset with some of its settings ({@code questions}, {@code steps}, {@code cropBatch},
     * {@code frameBatch}, {@code learningRate}) replaced by name; the name records the changes, so a
     * checkpoint's recipe says exactly what was run.
     *
     * @throws IllegalArgumentException naming an unknown setting and the valid ones, or a bad value
     */
    public TeacherPreset with(java.util.Map<String, String> settings) {
        if (settings.isEmpty()) return this;
        TeacherPreset p = org.sdvp.core.io.RecordSettings.with(this, TeacherPreset.class, settings, "teacher setting");
        return new TeacherPreset(
                name + " " + new java.util.TreeMap<>(settings),
                architecture,
                p.questions,
                p.steps,
                p.cropBatch,
                p.frameBatch,
                p.learningRate);
    }

    public TeacherTrainConfig trainConfig(long seed) {
        TeacherTrainConfig d = TeacherTrainConfig.defaults(steps, seed);
        return new TeacherTrainConfig(
                steps,
                cropBatch,
                frameBatch,
                learningRate,
                d.warmupSteps(),
                d.objectnessPositiveWeight(),
                d.boxWeight(),
                d.detAttributeWeight(),
                seed);
    }
}
