package org.sdvp.distill.stage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.task.DatasetGenerator;
import org.sdvp.world.task.WorldTaskSpec;

/**
 * A task's split on disk: used as it is when present; a world task's split is generated (as
 * {@code sdvp world generate} would) when it is not there yet. A real dataset's split (GQA, NLVR2, CLEVR) is never
 * generated: its own reader finds it in its own layout, or says which splits it found.
 */
public final class TaskData {
    private TaskData() {}

    /**
     * Makes sure {@code data/split} holds the task's split; generates {@code count} questions with
     * {@code seed} in the task's own style when the folder is missing or empty. An existing split is used
     * as it is (its own provenance says how it was made), whatever the task.
     *
     * @return whether it was generated now (never for a task that is not a world task: its reader checks its split)
     */
    public static boolean ensure(String task, Path data, String split, int count, long seed, PrintStream log)
            throws IOException, org.sdvp.core.io.DataException {
        if (!WorldTaskSpec.isWorldTask(task)) return false;
        Path dir = data.resolve(split);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) return false;
            }
        }
        if (log != null) log.printf("generating %s/%s: %d questions (seed %d) -> %s%n", task, split, count, seed, dir);
        generate(WorldTaskSpec.find(task), split, count, seed, dir);
        return true;
    }

    /** Generates the split into {@code dir} as {@code sdvp world generate} does: the task's style, 128 px scenes. */
    public static void generate(WorldTaskSpec task, String split, int count, long seed, Path dir) throws IOException {
        new DatasetGenerator()
                .generate(
                        new DatasetGenerator.Request(
                                task, split, count, seed, task.defaultStyle(), dir, SceneGenerator.Config.defaults()),
                        done -> {});
    }
}
