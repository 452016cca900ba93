package org.sdvp.cli.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.cli.CliRunner;
import org.sdvp.core.io.Json;

/**
 * {@code sdvp teacher train --dataset clevr|gqa --root DIR}: a teacher trained on a real dataset's annotated
 * scenes (the committed CLEVR and GQA fixtures), usable as {@code teacher:DIR}; a dataset whose annotations do
 * not fit the teacher's heads, NLVR2 (no annotations) and broken files exit 2 and write nothing.
 */
class TeacherTrainDatasetTest {
    static final Path FIXTURES = Path.of("..", "sdvp-data", "src", "test", "resources", "fixtures");

    @TempDir
    Path dir;

    private CliRunner.Result train(String dataset, Path root, String split, Path out) {
        return CliRunner.run(
                "teacher",
                "train",
                "--dataset",
                dataset,
                "--root",
                root.toString(),
                "--split",
                split,
                "--val-split",
                split,
                "--set",
                "steps=6",
                "--set",
                "questions=8",
                "--out",
                out.toString());
    }

    @Test
    void clevrTeacherTrainsOnTheScenesAndAnswersAsAModule() throws Exception {
        Path root = FIXTURES.resolve("clevr"), out = dir.resolve("teacher-clevr");
        CliRunner.Result r = train("clevr", root, "val", out);
        assertEquals(0, r.exitCode(), r.err());
        // the fixture's one scene, its four objects (boxes estimated from pixel_coords, as clevr-oracle does)
        assertTrue(r.err().contains("clevr val: 1 scenes used (4 objects) of 1 checked; 0 left out"), r.err());
        assertTrue(r.out().contains("task clevr") && r.out().contains("coverage"), r.out());

        JsonNode p = Json.mapper().readTree(out.resolve("config.json").toFile()).path("provenance");
        assertEquals("clevr", p.path("task").asText());
        assertEquals("clevr", p.path("recipe").path("dataset").asText());
        assertEquals("val", p.path("recipe").path("split").asText());
        assertEquals(1, p.path("recipe").path("train").path("scenesUsed").asInt());
        assertEquals(5, p.path("dataCount").asInt(), "4 crops and 1 frame");
        assertEquals(64, p.path("dataSha256").asText().length());

        // the checkpoint is a teacher like any other: it drives the dataset's programs
        Path calls = dir.resolve("calls.jsonl");
        CliRunner.Result c = CliRunner.run(
                "collect",
                "--dataset",
                "clevr",
                "--root",
                root.toString(),
                "--split",
                "val",
                "--modules",
                "teacher:" + out + ",clevr-oracle",
                "--out",
                calls.toString());
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(Files.size(calls) > 0);
    }

    @Test
    void gqaFixtureDoesNotFitTheHeadsAndNothingIsWritten() {
        Path out = dir.resolve("teacher-gqa");
        CliRunner.Result r = train("gqa", FIXTURES.resolve("gqa"), "val_balanced", out);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("none of its 2 scenes fits the teacher's fixed heads"), r.err());
        assertTrue(r.err().contains("no shape 11") && r.err().contains("man 1"), r.err());
        assertTrue(r.err().contains("open vocabulary"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void gqaSceneGraphsInTheTeachersVocabularyTrainAndTheRestIsLeftOut() throws Exception {
        Path root = dir.resolve("gqa-world");
        Files.createDirectories(root.resolve("images"));
        // graph 1: two objects named by the world's shapes, with one value per attribute; graph 2: a person
        String graphs = """
                {"1": {"width": 96, "height": 64, "objects": {
                   "10": {"name": "cube", "attributes": ["red", "large", "metal"], "x": 8, "y": 10, "w": 30, "h": 30,
                          "relations": []},
                   "11": {"name": "sphere", "attributes": ["blue", "small", "rubber"], "x": 56, "y": 20, "w": 20,
                          "h": 20, "relations": []}}},
                 "2": {"width": 96, "height": 64, "objects": {
                   "20": {"name": "man", "attributes": ["tall", "red"], "x": 8, "y": 8, "w": 20, "h": 40,
                          "relations": []}}}}
                """;
        Files.writeString(root.resolve("val_sceneGraphs.json"), graphs);
        for (String id : List.of("1", "2")) image(root.resolve("images").resolve(id + ".jpg"));
        Path out = dir.resolve("teacher-gqa-world");
        CliRunner.Result r = train("gqa", root, "val", out);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(
                r.err().contains("gqa val: 1 scenes used (2 objects) of 2 checked; 1 left out")
                        && r.err().contains("their names: man 1"),
                r.err());
        JsonNode recipe = Json.mapper()
                .readTree(out.resolve("config.json").toFile())
                .path("provenance")
                .path("recipe");
        assertEquals(1, recipe.path("train").path("scenesLeftOut").asInt());
        assertEquals(
                1, recipe.path("train").path("leftOutReasons").path("no shape").asInt());
    }

    @Test
    void nlvr2HasNoAnnotationsToTrainOn() {
        Path out = dir.resolve("t");
        CliRunner.Result r = train("nlvr2", FIXTURES.resolve("nlvr2"), "dev", out);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("nlvr2 has no scene annotations") && r.err().contains("torchscript:DIR"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void badUsageAndBrokenFilesExitTwoNamingTheProblem() throws Exception {
        Path out = dir.resolve("t");
        CliRunner.Result noRoot = CliRunner.run("teacher", "train", "--dataset", "clevr", "--out", out.toString());
        assertEquals(2, noRoot.exitCode());
        assertTrue(noRoot.err().contains("--dataset clevr needs --root DIR"), noRoot.err());

        CliRunner.Result unknown = CliRunner.run("teacher", "train", "--task", "vqa-sim", "--out", out.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("valid tasks") && unknown.err().contains("clevr, gqa"), unknown.err());

        CliRunner.Result split = train("clevr", FIXTURES.resolve("clevr"), "train", out);
        assertEquals(2, split.exitCode());
        assertTrue(
                split.err().contains("unknown CLEVR split 'train'")
                        && split.err().contains("val"),
                split.err());

        // a scenes file cut off mid-write, and a scene whose image is missing
        Path cut = copyClevr("cut");
        Path scenes = cut.resolve("scenes/CLEVR_val_scenes.json");
        String text = Files.readString(scenes);
        Files.writeString(scenes, text.substring(0, text.length() / 2));
        CliRunner.Result truncated = train("clevr", cut, "val", out);
        assertEquals(2, truncated.exitCode());
        assertTrue(truncated.err().contains("CLEVR_val_scenes.json"), truncated.err());

        Path noImage = copyClevr("no-image");
        Files.delete(noImage.resolve("images/val/CLEVR_val_000000.png"));
        CliRunner.Result missing = train("clevr", noImage, "val", out);
        assertEquals(2, missing.exitCode());
        assertTrue(
                missing.err().contains("image not found") && missing.err().contains("CLEVR_val_000000.png"),
                missing.err());
        assertFalse(Files.exists(out));
    }

    private Path copyClevr(String name) throws Exception {
        Path from = FIXTURES.resolve("clevr"), to = dir.resolve(name);
        List<Path> files;
        try (var s = Files.walk(from)) {
            files = new ArrayList<>(s.filter(Files::isRegularFile).toList());
        }
        for (Path f : files) {
            Path t = to.resolve(from.relativize(f).toString());
            Files.createDirectories(t.getParent());
            Files.copy(f, t);
        }
        return to;
    }

    private static void image(Path file) throws Exception {
        BufferedImage img = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 96, 64);
        g.setColor(Color.RED);
        g.fillRect(8, 10, 30, 30);
        g.setColor(Color.BLUE);
        g.fillOval(56, 20, 20, 20);
        g.dispose();
        ImageIO.write(img, "jpg", file.toFile());
    }
}
