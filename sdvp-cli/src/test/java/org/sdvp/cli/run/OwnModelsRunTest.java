package org.sdvp.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.cli.CliRunner;
import org.sdvp.world.oracle.OracleTools;
import org.sdvp.world.scene.SceneGenerator;

/**
 * {@code sdvp run --modules torchscript:DIR,onnx:DIR,...}: users' exported models (sdvp-backends' fixtures)
 * answer a program's steps, and a model that does not fit its model.json stops the command with exit 2 and
 * writes nothing.
 */
class OwnModelsRunTest {
    static final Path FIXTURES = Path.of("..", "sdvp-backends", "src", "test", "resources", "own-models");
    static final String PROGRAM = "BOX0=LOC(image=IMAGE,object='cube')\n"
            + "BOX1=SELECT(image=IMAGE,object=BOX0,query='red cube',category=None)\n"
            + "ANSWER0=VQA(image=IMAGE,question='What color is the cube?')\n"
            + "ANSWER1=COUNT(box=BOX1)\n"
            + "FINAL_RESULT=RESULT(var=ANSWER0)";

    @TempDir
    Path dir;

    Path image;

    @BeforeEach
    void writeScene() throws IOException {
        image = dir.resolve("scene.png");
        var scene = new SceneGenerator(SceneGenerator.Config.defaults())
                .next(new SplittableRandom(4), "studio", "scene.png");
        ImageIO.write(OracleTools.render(scene), "png", image.toFile());
    }

    static String modules(String engine) {
        return engine + ":" + FIXTURES.resolve("vqa-" + engine) + "," + engine + ":" + FIXTURES.resolve("loc-" + engine)
                + "," + engine + ":" + FIXTURES.resolve("match-" + engine);
    }

    @Test
    void torchScriptAndOnnxExportsAnswerTheSameProgramAlike() throws IOException {
        String[] answers = new String[2];
        int i = 0;
        for (String engine : new String[] {"torchscript", "onnx"}) {
            Path trace = dir.resolve(engine + ".jsonl");
            var r = CliRunner.run(
                    "run",
                    "--image",
                    image.toString(),
                    "--modules",
                    modules(engine),
                    "--trace",
                    trace.toString(),
                    "--program-text",
                    PROGRAM);
            assertEquals(0, r.exitCode(), r.err());
            String text = Files.readString(trace);
            assertTrue(text.contains("LOC") && text.contains("SELECT") && text.contains("VQA"), text);
            answers[i++] = r.out().strip();
        }
        assertEquals(answers[0], answers[1]);
        assertTrue(
                Files.readString(FIXTURES.resolve("vqa-onnx/answers.json")).contains("\"" + answers[0] + "\""),
                answers[0]);
    }

    @Test
    void aModelThatDoesNotFitItsModelJsonExits2NamingTheTensorAndWritesNothing() throws IOException {
        Path broken = dir.resolve("vqa");
        Files.createDirectories(broken);
        try (Stream<Path> files = Files.list(FIXTURES.resolve("vqa-torchscript"))) {
            for (Path f : files.toList()) Files.copy(f, broken.resolve(f.getFileName()));
        }
        Files.writeString(broken.resolve("answers.json"), "[\"yes\", \"no\", \"red\"]");
        Path trace = dir.resolve("trace.jsonl");
        var r = CliRunner.run(
                "run",
                "--image",
                image.toString(),
                "--modules",
                "torchscript:" + broken,
                "--trace",
                trace.toString(),
                "--program-text",
                PROGRAM);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(
                r.err().contains("output 'logits'")
                        && r.err().contains("[2, 3]")
                        && r.err().contains("[2, 29]"),
                r.err());
        assertFalse(Files.exists(trace));

        Files.delete(broken.resolve("tokenizer.json"));
        var missing = CliRunner.run(
                "run", "--image", image.toString(), "--modules", "torchscript:" + broken, "--program-text", PROGRAM);
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains(broken.resolve("tokenizer.json").toString()), missing.err());
    }
}
