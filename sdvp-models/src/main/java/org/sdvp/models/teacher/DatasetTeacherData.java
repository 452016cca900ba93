package org.sdvp.models.teacher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Images;
import org.sdvp.core.io.Json;
import org.sdvp.data.clevr.ClevrFiles;
import org.sdvp.data.gqa.GqaLayout;
import org.sdvp.data.gqa.GqaSceneGraphs;
import org.sdvp.data.oracle.AnnotatedScene;
import org.sdvp.data.oracle.Annotations;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.world.scene.Scene;

/**
 * A real dataset's annotated scenes as a teacher's training data ({@code sdvp teacher train --dataset
 * clevr|gqa --root DIR}): CLEVR scenes and GQA scene graphs, read by the readers the datasets' oracles use
 * (so a CLEVR box is the one {@code clevr-oracle} estimates from {@code pixel_coords} when the scene has no
 * {@code bbox}: teacher and oracle agree on what a crop shows), turned into world scenes by
 * {@link DatasetSceneFit}. The first N scenes that fit, in image-name order, are used; NLVR2 has no
 * annotations and is refused.
 */
public final class DatasetTeacherData {
    /** The datasets whose annotations can train a teacher. */
    public static final List<String> DATASETS = List.of("clevr", "gqa");

    private final String dataset;
    private final Path root;

    private DatasetTeacherData(String dataset, Path root) {
        this.dataset = dataset;
        this.root = root;
    }

    /**
     * @throws DataException for NLVR2 (no annotations), an unknown dataset or a missing root folder
     */
    public static DatasetTeacherData open(String dataset, Path root) throws DataException {
        if ("nlvr2".equals(dataset)) {
            throw new DataException("nlvr2 has no scene annotations to train a teacher on (a sentence and a label "
                    + "per image pair): its teacher can only be a backend chain, e.g. 'sdvp distill --dataset nlvr2 "
                    + "--teacher torchscript:DIR' or 'sdvp collect --dataset nlvr2 --modules onnx:DIR'");
        }
        if (!DATASETS.contains(dataset)) {
            throw new DataException("no teacher data for dataset '" + dataset + "'; datasets with scene "
                    + "annotations: " + String.join(", ", DATASETS));
        }
        if (!Files.isDirectory(root)) throw new DataException(DataException.Kind.MISSING_FILE, "not a folder: " + root);
        return new DatasetTeacherData(dataset, root);
    }

    /** One split as read: the scenes used, their images (same order), and what was left out. */
    public record Split(
            String name,
            Path annotations,
            List<Scene> scenes,
            List<BufferedImage> images,
            DatasetSceneFit.Report fit) {}

    /**
     * The train and validation splits as a teacher run's data: the first {@code trainScenes} fitting scenes of
     * {@code split} and {@code valScenes} of {@code valSplit}, the validation calls sampled from the latter.
     *
     * @throws DataException naming the file (missing, unreadable, cut off, an entry that cannot be read, a
     *     missing image) or, when no scene of a split fits the teacher's heads, the words that did not fit
     */
    public TeacherData read(
            String split, String valSplit, int trainScenes, int valScenes, long seed, Consumer<String> log)
            throws DataException {
        long t0 = System.nanoTime();
        Split train = split(split, trainScenes);
        Split val = split(valSplit, valScenes);
        for (Split s : List.of(train, val)) log.accept(describe(s));
        SubTaskSet valCalls = TeacherBuilder.calls(val.scenes(), val.images(), CoverageMeasure.SAMPLER, seed);
        ObjectNode recipe = Json.mapper().createObjectNode();
        recipe.put("dataset", dataset);
        recipe.put("root", root.toAbsolutePath().toString());
        recipe.put("split", split);
        recipe.put("valSplit", valSplit);
        recipe.put("scenes", trainScenes);
        recipe.put("valScenes", valScenes);
        recipe.put("seed", seed);
        recipe.put("reader", "sdvp-models DatasetTeacherData (boxes as the " + dataset + "-oracle reads them)");
        recipe.set("train", report(train));
        recipe.set("val", report(val));
        return new TeacherData(
                dataset,
                dataset,
                dataset + ":" + root.toAbsolutePath() + ":" + split + ":" + valSplit,
                TeacherBuilder.examples(train.scenes(), train.images()),
                TeacherBuilder.examples(val.scenes(), val.images()),
                valCalls,
                recipe,
                (System.nanoTime() - t0) / 1e9);
    }

    /** The first {@code limit} fitting scenes of a split, with their images. */
    Split split(String name, int limit) throws DataException {
        Path file = annotationsFile(name);
        Annotations a = new Annotations();
        if ("clevr".equals(dataset)) ClevrFiles.annotations(file, a);
        else a.addAll(GqaSceneGraphs.read(file));
        if (!a.cuts().isEmpty()) throw a.cuts().get(0);
        if (!a.invalid().isEmpty()) {
            DataException first = a.invalid().values().iterator().next();
            throw new DataException(
                    first.kind(),
                    a.invalid().size() + " annotation entries of " + file + " cannot be read; nothing was trained"
                            + " (first: " + first.getMessage() + ")",
                    first);
        }
        List<AnnotatedScene> all = a.scenes().values().stream()
                .sorted(Comparator.comparing(AnnotatedScene::imageFile))
                .toList();
        DatasetSceneFit fit = new DatasetSceneFit(dataset);
        List<Scene> scenes = new ArrayList<>();
        List<BufferedImage> images = new ArrayList<>();
        for (AnnotatedScene s : all) {
            if (scenes.size() >= limit) break;
            if (!fit.fits(s)) continue; // before loading the image: most of a GQA split is left out here
            // a world scene's boxes are clamped to the image as it is, not as annotated
            BufferedImage img = Images.load(image(name, s.imageFile())).pixels();
            fit.toScene(s, img.getWidth(), img.getHeight()).ifPresent(scene -> {
                scenes.add(scene);
                images.add(img);
            });
        }
        DatasetSceneFit.Report report = fit.report();
        if (scenes.isEmpty()) {
            throw new DataException(dataset + " split '" + name + "' (" + file + "): none of its " + report.read()
                    + " scenes fits the teacher's fixed heads " + DatasetSceneFit.HEADS + ". " + report.describe()
                    + ("gqa".equals(dataset)
                            ? " GQA's open vocabulary needs a teacher with heads over the dataset's own names and "
                                    + "attributes, which is not built (docs/own-models.md); its teacher can be a "
                                    + "backend chain instead (--teacher torchscript:DIR)."
                            : ""));
        }
        return new Split(name, file, scenes, images, report);
    }

    private Path annotationsFile(String split) throws DataException {
        if ("clevr".equals(dataset)) return new ClevrFiles(root).scenesFile(split);
        return new GqaLayout(root)
                .sceneGraphFile(split)
                .orElseThrow(() -> new DataException(
                        DataException.Kind.MISSING_FILE,
                        "no scene graphs for GQA split '" + split + "' under " + root + " (expected "
                                + split.replaceFirst("_.*", "") + "_sceneGraphs.json; GQA ships them for train and val"
                                + " only)"));
    }

    private Path image(String split, String imageFile) {
        if ("clevr".equals(dataset)) return new ClevrFiles(root).image(split, imageFile);
        return new GqaLayout(root).image(imageFile.replaceFirst("\\.jpg$", ""));
    }

    private String describe(Split s) {
        DatasetSceneFit.Report r = s.fit();
        return String.format(
                Locale.ROOT,
                "%s %s: %d scenes used (%d objects) of %d checked; %d left out%s",
                dataset,
                s.name(),
                s.scenes().size(),
                s.scenes().stream().mapToInt(Scene::size).sum(),
                r.read(),
                r.unfit(),
                r.unfit() == 0 ? "" : " (" + r.describe() + ")");
    }

    private static ObjectNode report(Split s) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("annotations", s.annotations().toAbsolutePath().toString());
        n.put("scenesUsed", s.scenes().size());
        n.put("scenesChecked", s.fit().read());
        n.put("scenesLeftOut", s.fit().unfit());
        n.set("leftOutReasons", Json.mapper().valueToTree(s.fit().reasons()));
        return n;
    }

    /** Counts, most common first, at most {@code n}: "man 12, car 3 and 40 more". */
    static String top(Map<String, Integer> counts, int n) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "))
                + (counts.size() > n ? " and " + (counts.size() - n) + " more" : "");
    }
}
