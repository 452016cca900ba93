package org.sdvp.models.teacher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Images;
import org.sdvp.core.io.Json;
import org.sdvp.core.value.Box;
import org.sdvp.models.checkpoint.Provenance;
import org.sdvp.models.data.SubTaskSampler;
import org.sdvp.models.train.LocExample;
import org.sdvp.models.train.MatchExample;
import org.sdvp.models.train.ResumableTraining;
import org.sdvp.models.train.StateOptions;
import org.sdvp.models.train.StepLoop;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.models.train.VqaExample;
import org.sdvp.models.vlm.VlmEvaluation;
import org.sdvp.world.io.SceneCodec;
import org.sdvp.world.render.Renderer;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.style.Styles;
import org.sdvp.world.task.DatasetGenerator;
import org.sdvp.world.task.GeneratedExample;
import org.sdvp.world.task.WorldTaskSpec;

/**
 * Trains one task's teacher: draws the task's training split exactly as {@code sdvp generate} would (same
 * seeds, same scenes, in the task's style), reads the scene annotations into crops and detection frames,
 * trains, measures attribute accuracy and detection recall/precision on the task's validation split and its
 * accuracy per call form there (its coverage, {@link TeacherCoverage}), and writes the checkpoint with
 * provenance.
 */
public final class TeacherBuilder {
    private final WorldTaskSpec task;
    private final TeacherPreset preset;
    private final long seed;

    public TeacherBuilder(WorldTaskSpec task, TeacherPreset preset, long seed) {
        this.task = task;
        this.preset = preset;
        this.seed = seed;
    }

    /** @param coverage the teacher's validation accuracy per call form */
    public record Result(
            Path checkpoint,
            long parameters,
            Map<String, Double> metrics,
            TeacherCoverage coverage,
            double dataSeconds,
            double trainSeconds) {}

    /** The task split's scenes, rendered in the task's style, as teacher examples. */
    public static TeacherExamples examples(WorldTaskSpec task, String split, int questions, long seed) {
        DatasetGenerator.Request r = new DatasetGenerator.Request(
                task, split, questions, seed, task.defaultStyle(), Path.of("unused"), SceneGenerator.Config.defaults());
        List<GeneratedExample> drawn = new DatasetGenerator().draw(r);
        Renderer renderer = new Renderer();
        List<TeacherExamples.Crop> crops = new ArrayList<>();
        List<TeacherExamples.Frame> frames = new ArrayList<>();
        for (GeneratedExample ex : drawn) {
            for (Scene s : ex.scenes()) {
                BufferedImage img = renderer.render(s, Styles.get(s.style()));
                TeacherExamples.add(s, img, crops, frames);
            }
        }
        return new TeacherExamples(crops, frames);
    }

    /**
     * A generated split on disk ({@code DATA/<split>/scenes.json} and {@code images/}, as
     * {@code sdvp world generate} writes it), read as teacher examples.
     *
     * @throws DataException naming the missing or unreadable file
     */
    public static TeacherExamples examples(Path data, String split) throws DataException {
        Path dir = data.resolve(split);
        List<Scene> scenes = SceneCodec.readAll(dir.resolve("scenes.json"));
        List<BufferedImage> images = new ArrayList<>();
        for (Scene s : scenes) images.add(image(dir, s));
        return examples(scenes, images);
    }

    /** Scenes and their images (same order) as teacher examples: a frame per scene, a crop per object. */
    public static TeacherExamples examples(List<Scene> scenes, List<BufferedImage> images) {
        List<TeacherExamples.Crop> crops = new ArrayList<>();
        List<TeacherExamples.Frame> frames = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) TeacherExamples.add(scenes.get(i), images.get(i), crops, frames);
        return new TeacherExamples(crops, frames);
    }

    private static BufferedImage image(Path dir, Scene s) throws DataException {
        return Images.load(dir.resolve("images").resolve(s.imageFilename())).pixels();
    }

    private int valQuestions() {
        return valScenes(preset);
    }

    /** How much validation data a preset asks for: an eighth of its training questions, at least 50. */
    public static int valScenes(TeacherPreset preset) {
        return Math.max(50, preset.questions() / 8);
    }

    /**
     * Sub-task calls sampled from a generated split on disk (its scenes and images), with a fixed seed.
     *
     * @throws DataException naming the missing or unreadable file
     */
    public static SubTaskSet calls(Path data, String split, SubTaskSampler sampler, long seed) throws DataException {
        Path dir = data.resolve(split);
        List<Scene> scenes = SceneCodec.readAll(dir.resolve("scenes.json"));
        List<BufferedImage> images = new ArrayList<>();
        for (Scene s : scenes) images.add(image(dir, s));
        return calls(scenes, images, sampler, seed);
    }

    /** Sub-task calls sampled from scenes and their images (same order), with a fixed seed; empty scenes give none. */
    public static SubTaskSet calls(List<Scene> scenes, List<BufferedImage> images, SubTaskSampler sampler, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5eed5eedL);
        List<VqaExample> vqa = new ArrayList<>();
        List<MatchExample> match = new ArrayList<>();
        List<LocExample> loc = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) {
            SplittableRandom r = rng.split();
            if (scenes.get(i).size() > 0) sampler.sample(scenes.get(i), images.get(i), r, vqa, match, loc);
        }
        return new SubTaskSet(vqa, match, loc);
    }

    public Result run(Path out, PrintStream log) throws IOException, DataException {
        return run(out, null, log);
    }

    /** @param data a generated data folder to read the train and val splits from, or null to draw them */
    public Result run(Path out, Path data, PrintStream log) throws IOException, DataException {
        return run(out, data, log, null);
    }

    /**
     * {@link #run(Path, Path, PrintStream)} that saves its training state as {@code state} says (null for
     * none) and continues from a saved state: after a kill, the same command ends with the same checkpoint.
     * The state folder is deleted once the checkpoint is written.
     */
    public Result run(Path out, Path data, PrintStream log, StateOptions state) throws IOException, DataException {
        long t0 = System.nanoTime();
        TeacherExamples train =
                data == null ? examples(task, "train", preset.questions(), seed) : examples(data, "train");
        TeacherExamples val = data == null ? examples(task, "val", valQuestions(), seed) : examples(data, "val");
        // the same validation scenes, as the calls programs make: which forms the teacher answers well
        SubTaskSet valCalls = data == null
                ? org.sdvp.models.data.SplitCalls.of(task, "val", valQuestions(), seed, CoverageMeasure.SAMPLER)
                : calls(data, "val", CoverageMeasure.SAMPLER, seed);
        ObjectNode recipe = Json.mapper().createObjectNode();
        recipe.put("task", task.name());
        if (data != null) recipe.put("data", data.toAbsolutePath().toString());
        recipe.put("split", "train");
        recipe.put("questions", preset.questions());
        recipe.put("style", task.defaultStyle());
        recipe.put("seed", seed);
        recipe.put("generator", "sdvp-world DatasetGenerator.draw (same seeds as 'sdvp generate')");
        recipe.put("preset", preset.name());
        TeacherData d = new TeacherData(
                task.name(),
                task.defaultStyle(),
                data == null ? "drawn" : data.toAbsolutePath().toString(),
                train,
                val,
                valCalls,
                recipe,
                (System.nanoTime() - t0) / 1e9);
        return train(d, preset, seed, out, log, state);
    }

    /**
     * Trains a teacher on {@code d}, measures it on its validation examples and calls, and writes the
     * checkpoint with provenance (the recipe gets the preset's name added).
     */
    public static Result train(
            TeacherData d, TeacherPreset preset, long seed, Path out, PrintStream log, StateOptions state)
            throws IOException, DataException {
        if (log != null) {
            log.printf(
                    java.util.Locale.ROOT,
                    "%s train split: %d crops, %d images in %.1f s (style %s)%n",
                    d.task(),
                    d.train().crops().size(),
                    d.train().frames().size(),
                    d.dataSeconds(),
                    d.style());
        }
        try (TeacherModel t = TeacherModel.create(preset.architecture(), d.task(), seed)) {
            if (log != null) log.println("teacher: " + t.parameterCount() + " parameters");
            ResumableTraining resume = state == null
                    ? null
                    : state.open(
                            runIdentity(d, preset, preset.trainConfig(seed)),
                            d.train().sha256());
            StepLoop.Result r = new TeacherTrainer(t, preset.trainConfig(seed)).train(d.train(), log, resume);
            Map<String, Double> metrics = new LinkedHashMap<>(evaluate(t, d.val(), "val."));
            TeacherCoverage coverage = CoverageMeasure.measure(t, d.valCalls());
            t.coverage(coverage);
            metrics.putAll(coverage.toMetrics());
            metrics.put("train.firstLoss", r.firstLoss());
            metrics.put("train.lastLoss", r.lastLoss());
            metrics.put("train.seconds", r.seconds());
            metrics.put("train.cpuSeconds", r.cpuSeconds());
            metrics.put("train.skippedSteps", (double) r.skippedSteps());
            ObjectNode recipe = d.recipe().deepCopy();
            recipe.put("preset", preset.name());
            ObjectNode training = Json.mapper().valueToTree(preset.trainConfig(seed));
            training.set("lossCurve", Json.mapper().valueToTree(r.lossCurve()));
            Provenance p = Provenance.of(
                    "teacher",
                    d.task(),
                    seed,
                    recipe,
                    d.train().sha256(),
                    d.train().crops().size() + d.train().frames().size(),
                    training,
                    metrics,
                    null);
            t.save(out, p);
            if (resume != null) resume.finished();
            return new Result(out, t.parameterCount(), metrics, coverage, d.dataSeconds(), r.seconds());
        }
    }

    /** What makes two teacher runs the same run: task, data, network, training, code. */
    private static Map<String, Object> runIdentity(TeacherData d, TeacherPreset preset, TeacherTrainConfig tc) {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("stage", "teacher");
        id.put("task", d.task());
        id.put("data", d.dataId());
        id.put("preset", preset.name());
        id.put("questions", preset.questions());
        id.put("architecture", preset.architecture());
        id.put("training", tc);
        id.put("code", Provenance.currentCodeVersion());
        // another thread count changes float summation order, so the weights would not match
        id.put("threads", org.sdvp.models.train.DjlSetup.threads());
        return id;
    }

    /** Attribute accuracy per attribute on crops, and detection recall/precision at IoU 0.5. */
    public static Map<String, Double> evaluate(TeacherModel t, TeacherExamples data, String prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        int[] right = new int[Attribute.values().length];
        for (int s = 0; s < data.crops().size(); s += 64) {
            List<TeacherExamples.Crop> b =
                    data.crops().subList(s, Math.min(data.crops().size(), s + 64));
            float[][] p = t.attributeProbabilities(
                    b.stream().map(TeacherExamples.Crop::image).toList());
            for (int i = 0; i < b.size(); i++) {
                for (Attribute a : Attribute.values()) {
                    int best = 0;
                    for (int k = 1; k < AttributeSpace.size(a); k++) {
                        if (p[i][AttributeSpace.offset(a) + k] > p[i][AttributeSpace.offset(a) + best]) best = k;
                    }
                    if (best == b.get(i).labels()[a.ordinal()]) right[a.ordinal()]++;
                }
            }
        }
        if (!data.crops().isEmpty()) {
            for (Attribute a : Attribute.values()) {
                out.put(
                        prefix + "attribute." + a.word(),
                        right[a.ordinal()] / (double) data.crops().size());
            }
        }
        long[] c = new long[3];
        for (int s = 0; s < data.frames().size(); s += 32) {
            List<TeacherExamples.Frame> b =
                    data.frames().subList(s, Math.min(data.frames().size(), s + 32));
            List<List<TeacherModel.Found>> found =
                    t.detect(b.stream().map(TeacherExamples.Frame::image).toList(), 0.5);
            for (int i = 0; i < b.size(); i++) {
                List<Box> pred =
                        found.get(i).stream().map(TeacherModel.Found::box).toList();
                long[] m = VlmEvaluation.matchBoxes(pred, b.get(i).boxes(), 0.5);
                for (int k = 0; k < 3; k++) c[k] += m[k];
            }
        }
        if (!data.frames().isEmpty()) {
            out.put(prefix + "detect.recall", c[2] == 0 ? 1.0 : c[0] / (double) c[2]);
            out.put(prefix + "detect.precision", c[1] == 0 ? 1.0 : c[0] / (double) c[1]);
        }
        return out;
    }
}
