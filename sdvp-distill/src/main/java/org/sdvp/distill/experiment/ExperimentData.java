package org.sdvp.distill.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.distill.stage.TaskData;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.task.WorldTaskSpec;

/**
 * The experiment's data: each task's test split and the targets' train split, generated with the world's
 * {@link TaskData#generate} (as {@code sdvp world generate} does, 128 px, the task's own style, a fixed seed).
 * A split is reused when its {@code split.json} records the same request; otherwise it is generated again.
 */
final class ExperimentData {
    static final String RECIPE_FILE = "split.json";

    private final ExperimentLayout layout;
    private final PrintStream log;

    ExperimentData(ExperimentLayout layout, PrintStream log) {
        this.layout = layout;
        this.log = log;
    }

    /** The request a split is generated from (also what split.json records). */
    record SplitRecipe(String task, String split, int count, long seed, String style, int size) {}

    /**
     * Makes sure every split of the plan exists.
     *
     * @return split name ({@code TASK/SPLIT}) → SHA-256 over its questions and scenes files (provenance)
     */
    Map<String, String> prepare(ExperimentPreset preset) throws IOException, DataException {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String task : ExperimentPlan.TASKS) {
            hashes.put(task + "/test", ensure(task, "test", preset.testQuestions(), preset.dataSeed()));
        }
        for (String task : ExperimentPlan.TARGETS) {
            hashes.put(task + "/train", ensure(task, "train", preset.trainQuestions(), preset.dataSeed()));
        }
        return hashes;
    }

    String ensure(String taskName, String split, int count, long seed) throws IOException, DataException {
        WorldTaskSpec task = WorldTaskSpec.find(taskName);
        SceneGenerator.Config config = SceneGenerator.Config.defaults();
        SplitRecipe recipe = new SplitRecipe(taskName, split, count, seed, task.defaultStyle(), config.width());
        Path dir = layout.data(taskName).resolve(split);
        Path recipeFile = dir.resolve(RECIPE_FILE);
        if (Files.isRegularFile(recipeFile) && Files.isRegularFile(dir.resolve(task.questionsFile()))) {
            SplitRecipe found;
            try {
                found = Json.mapper().readValue(recipeFile.toFile(), SplitRecipe.class);
            } catch (IOException e) {
                found = null; // unreadable: made by something else, generate again
            }
            if (recipe.equals(found)) return sha256(dir, task);
            log.println("data: " + dir + " was made with a different recipe; generating it again");
        }
        deleteTree(dir);
        long t0 = System.nanoTime();
        TaskData.generate(task, split, count, seed, dir);
        // written last: its presence says the split is complete
        Json.write(recipeFile, recipe);
        log.printf(
                java.util.Locale.ROOT,
                "data: %s/%s, %d %s (seed %d, style %s) in %.1f s%n",
                taskName,
                split,
                count,
                task.pairs() ? "sentence-pair rows" : "questions",
                seed,
                task.defaultStyle(),
                (System.nanoTime() - t0) / 1e9);
        return sha256(dir, task);
    }

    static String sha256(Path dir, WorldTaskSpec task) throws IOException {
        MessageDigest d;
        try {
            d = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String f : new String[] {task.questionsFile(), "scenes.json"}) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(dir.resolve(f)), d)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
