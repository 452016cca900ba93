package org.sdvp.distill.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.models.checkpoint.CheckpointMeta;
import org.sdvp.models.teacher.TeacherPreset;
import org.sdvp.models.vlm.PretrainPreset;

/**
 * S0 and the teachers. S0 is, in order: {@code --student DIR}; the cached {@code out/student} when its
 * config.json records the same pretraining preset and seed; a checkpoint shipped in the repository at
 * {@code models/student-PRESET/} with the same record; otherwise pretrained into {@code out/student}. Teachers
 * are reused from {@code out/teachers/TASK} when their config.json matches, otherwise trained there. Both are
 * shared by every distillation seed.
 */
final class ExperimentModels {
    private final ExperimentLayout layout;
    private final ModelBuilder builder;
    private final PrintStream log;

    ExperimentModels(ExperimentLayout layout, ModelBuilder builder, PrintStream log) {
        this.layout = layout;
        this.builder = builder;
        this.log = log;
    }

    /** Where S0 came from. */
    record Student(Path dir, String origin) {}

    Student student(ExperimentPreset preset, Path given, List<Path> shippedRoots) throws Exception {
        if (given != null) {
            if (!Files.isRegularFile(given.resolve(CheckpointMeta.CONFIG_FILE))) {
                throw new DataException("--student " + given + ": no " + CheckpointMeta.CONFIG_FILE
                        + " there (a checkpoint folder from 'sdvp pretrain' is needed)");
            }
            return new Student(given, "given (--student)");
        }
        JsonNode arch = Json.mapper()
                .valueToTree(PretrainPreset.named(preset.pretrainPreset()).architecture());
        if (matches(layout.student(), "pretrain", null, preset.pretrainPreset(), preset.studentSeed(), arch)) {
            return new Student(layout.student(), "cached (" + layout.student() + ")");
        }
        for (Path root : shippedRoots) {
            Path shipped = root.resolve("student-" + preset.pretrainPreset());
            if (matches(shipped, "pretrain", null, preset.pretrainPreset(), preset.studentSeed(), arch)) {
                return new Student(shipped, "shipped (" + shipped + ")");
            }
        }
        log.println(
                "student: pretraining S0 (preset " + preset.pretrainPreset() + ", seed " + preset.studentSeed() + ")");
        ExperimentData.deleteTree(layout.student());
        builder.pretrain(preset.pretrainPreset(), preset.studentSeed(), layout.student(), log);
        return new Student(layout.student(), "pretrained (" + layout.student() + ")");
    }

    /**
     * task → its teacher's folder, trained when missing or made differently; up to {@code jobs} at once when
     * the builder can (each teacher is a function of its task, preset and seed alone).
     */
    Map<String, Path> teachers(ExperimentPreset preset, int jobs) throws Exception {
        Map<String, Path> out = new LinkedHashMap<>();
        JsonNode arch = Json.mapper()
                .valueToTree(TeacherPreset.named(preset.teacherPreset()).architecture());
        List<Callable<Void>> training = new ArrayList<>();
        for (String task : ExperimentPlan.TARGETS) {
            Path dir = layout.teacher(task);
            if (!matches(dir, "teacher", task, preset.teacherPreset(), preset.teacherSeed(), arch)) {
                training.add(() -> {
                    log.println("teacher: training " + task + " (preset " + preset.teacherPreset() + ", seed "
                            + preset.teacherSeed() + ")");
                    ExperimentData.deleteTree(dir);
                    builder.teacher(task, preset.teacherPreset(), preset.teacherSeed(), dir, log);
                    return null;
                });
            }
            out.put(task, dir);
        }
        Parallel.all(training, Math.min(jobs, builder.maxParallel()), "sdvp-teacher");
        return out;
    }

    /**
     * Whether {@code dir}'s config.json records this stage, task (null: any), preset, seed and architecture (a
     * checkpoint from older code with another architecture is not reused: it would not load).
     */
    static boolean matches(Path dir, String stage, String task, String preset, long seed, JsonNode architecture)
            throws IOException {
        Path config = dir.resolve(CheckpointMeta.CONFIG_FILE);
        if (!Files.isRegularFile(config) || !Files.isRegularFile(dir.resolve(CheckpointMeta.PARAMS_FILE))) return false;
        JsonNode c = Json.mapper().readTree(config.toFile());
        JsonNode p = c.path("provenance");
        return stage.equals(p.path("stage").asText())
                && (task == null || task.equals(p.path("task").asText()))
                && preset.equals(p.path("recipe").path("preset").asText())
                && p.path("seed").asLong(-1) == seed
                && architecture.equals(c.path("architecture"));
    }

    /** The parameters' SHA-256 recorded in a checkpoint's config.json, or "unknown". */
    static String parametersSha256(Path dir) {
        try {
            JsonNode n = Json.mapper()
                    .readTree(dir.resolve(CheckpointMeta.CONFIG_FILE).toFile());
            return n.path("parameters").path("sha256").asText("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
