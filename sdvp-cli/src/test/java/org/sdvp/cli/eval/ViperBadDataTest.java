package org.sdvp.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.cli.CliRunner;
import org.sdvp.core.io.Json;

/**
 * Bad data on the ViperGPT path: a question whose scene entry is invalid or lost in a cut file fails with the
 * data's reason ({@code wrong-field-type}, {@code truncated-json}), as on the VisProg path, and not as a
 * Python error: the sandboxed program's model call carries the oracle's reason out of GraalPy, even when the
 * program catches the exception. The run goes on.
 */
class ViperBadDataTest {
    private static final String OBJECTS =
            "\"objects\": [{\"shape\": \"cube\", \"color\": \"red\", \"size\": \"large\", "
                    + "\"material\": \"rubber\", \"pixel_coords\": [120, 200, 7], \"bbox\": [90, 170, 150, 230]}], "
                    + "\"relationships\": {\"left\": [[]], \"right\": [[]], \"front\": [[]], \"behind\": [[]]}";
    private static final String FIND_THEN_ASK = "def execute_command(image):\n"
            + "    image_patch = ImagePatch(image)\n"
            + "    cubes = image_patch.find('cube')\n"
            + "    if len(cubes) == 0:\n"
            + "        return 'none'\n"
            + "    return cubes[0].simple_query('What color is the cube?')\n";
    private static final String CATCHES = "def execute_command(image):\n"
            + "    try:\n"
            + "        return ImagePatch(image).find('cube')[0].simple_query('What color is the cube?')\n"
            + "    except Exception:\n"
            + "        return 'red'\n";

    @TempDir
    Path root;

    @Test
    void aBadSceneEntryIsTheQuestionsErrorByItsDataReasonCaughtInPythonOrNot() throws Exception {
        images("w0.png", "w1.png");
        // w1's objects are a string: every model call on w1 fails with that reason
        Files.writeString(
                root.resolve("test/scenes.json"),
                "{\"scenes\": [{\"image_filename\": \"w0.png\", " + OBJECTS
                        + "},\n {\"image_filename\": \"w1.png\", \"objects\": \"oops\"}]}");
        JsonNode r = viperRun(Map.of(0, FIND_THEN_ASK, 1, FIND_THEN_ASK, 2, CATCHES), "w0.png", "w1.png", "w1.png");

        assertEquals(3, r.get("count").asInt());
        assertEquals(Map.of("wrong-field-type", 2), reasons(r));
        assertEquals(1.0 / 3, r.get("score").asDouble(), 1e-9, r.get("misses").toString());
        for (JsonNode miss : r.get("misses")) {
            String error = miss.get("error").asText();
            assertTrue(error.contains("'w1.png' are invalid") && error.contains("scenes[1]"), error);
        }
    }

    @Test
    void aQuestionOnASceneLostInACutFileIsCountedByTheCut() throws Exception {
        images("w0.png", "w1.png");
        String scenes = "{\"scenes\": [{\"image_filename\": \"w0.png\", " + OBJECTS
                + "},\n {\"image_filename\": \"w1.png\", " + OBJECTS + "}]}";
        // cut inside w1's entry, as an interrupted copy leaves it
        Files.writeString(root.resolve("test/scenes.json"), scenes.substring(0, scenes.indexOf("w1.png") + 30));
        JsonNode r = viperRun(Map.of(0, FIND_THEN_ASK, 1, FIND_THEN_ASK), "w0.png", "w1.png");

        assertEquals(Map.of("truncated-json", 1), reasons(r));
        assertEquals(0.5, r.get("score").asDouble(), 1e-9, r.get("misses").toString());
        String error = r.get("misses").get(0).get("error").asText();
        assertTrue(error.contains("cut off") && error.contains("scenes.json"), error);
    }

    private void images(String... names) throws Exception {
        Path dir = Files.createDirectories(root.resolve("test/images"));
        for (String name : names) {
            ImageIO.write(
                    new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB),
                    "png",
                    dir.resolve(name).toFile());
        }
    }

    /** Question i on image {@code images[i]}, asking the cube's colour (gold: red), run by program i. */
    private JsonNode viperRun(Map<Integer, String> programs, String... images) throws Exception {
        StringBuilder questions = new StringBuilder("{\"questions\": [");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < images.length; i++) {
            questions
                    .append(i == 0 ? "" : ",\n")
                    .append("{\"question_index\": ")
                    .append(i)
                    .append(", \"image_filename\": \"")
                    .append(images[i])
                    .append("\", \"question\": \"What color is the cube?\", \"answer\": \"red\"}");
            lines.append(Json.mapper()
                            .writeValueAsString(Map.of("id", Integer.toString(i), "program", programs.get(i))))
                    .append('\n');
        }
        Files.writeString(
                root.resolve("test/questions.json"), questions.append("]}").toString());
        Path programFile = Files.writeString(root.resolve("programs.jsonl"), lines.toString());
        Path out = root.resolve("r.json");
        CliRunner.Result run = CliRunner.run(
                "eval",
                "--task",
                "clevr",
                "--data",
                root.toString(),
                "--split",
                "test",
                "--framework",
                "viper",
                "--programs",
                programFile.toString(),
                "--modules",
                "clevr-oracle",
                "--out",
                out.toString());
        assertEquals(0, run.exitCode(), run.err());
        return Json.mapper().readTree(out.toFile());
    }

    private static Map<String, Integer> reasons(JsonNode r) {
        Map<String, Integer> m = new TreeMap<>();
        r.get("errorsByReason")
                .fields()
                .forEachRemaining(e -> m.put(e.getKey(), e.getValue().asInt()));
        return m;
    }
}
