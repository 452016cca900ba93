package org.sdvp.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.cli.CliRunner;

class RunCommandTest {
    @TempDir
    Path dir;

    Path image;

    @BeforeEach
    void writeImage() throws Exception {
        image = dir.resolve("any.png");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
    }

    @Test
    void anEvalProgramPrintsItsResult() {
        var r = CliRunner.run(
                "run",
                "--image",
                image.toString(),
                "--program-text",
                "ANSWER0=EVAL(expr=\"1 + 2\")\nFINAL_RESULT=RESULT(var=ANSWER0)");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("3", r.out().strip());
    }

    @Test
    void anEditedImageIsWrittenWithItsProvenanceAndAFailedEditWritesNothing() throws Exception {
        Path out = dir.resolve("edited.png");
        var ok = CliRunner.run(
                "run",
                "--image",
                image.toString(),
                "--output",
                out.toString(),
                "--program-text",
                "OBJ0=LOC(image=IMAGE,object='TOP')\nIMAGE0=EMOJI(image=IMAGE,object=OBJ0,emoji='smiling_face')\n"
                        + "FINAL_RESULT=RESULT(var=IMAGE0)");
        assertEquals(0, ok.exitCode(), ok.err());
        assertEquals(64, ImageIO.read(out.toFile()).getWidth());
        String provenance = Files.readString(dir.resolve("edited.png.json"));
        assertTrue(
                provenance.contains("\"source\" : \"any.png\"") && provenance.contains("EMOJI smiling_face"),
                provenance);

        Path never = dir.resolve("never.png");
        var bad = CliRunner.run(
                "run",
                "--image",
                image.toString(),
                "--output",
                never.toString(),
                "--program-text",
                "OBJ0=LOC(image=IMAGE,object='TOP')\nIMAGE0=COLORPOP(image=IMAGE,object=OBJ0)");
        assertEquals(1, bad.exitCode());
        assertTrue(
                bad.err().contains("step 2 (line 2, COLORPOP)") && bad.err().contains("boxes without masks"),
                bad.err());
        assertFalse(Files.exists(never) || Files.exists(dir.resolve("never.png.json")), "nothing half-written");
    }

    @Test
    void anInvalidProgramExits2AndNamesEveryProblemLine() {
        var r = CliRunner.run("run", "--image", image.toString(), "--program-text", """
                BOX0=LOC(image=IMAGE,object='cube')
                BOX1=CROP_NOT(image=IMAGE,box=BOX0)
                ANSWER0=VQA(image=IMAGE,question=QUESTION)
                """);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("[line 2:6] Error at 'CROP_NOT'"), r.err());
        assertTrue(r.err().contains("[line 3:"), r.err());
        assertTrue(r.err().contains("nothing was run"), r.err());
    }

    @Test
    void aMissingImageExits2WithItsPath() {
        Path missing = dir.resolve("missing.png");
        var r = CliRunner.run("run", "--image", missing.toString(), "--program-text", "A=EVAL(expr=\"1\")");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(missing.toString()), r.err());
    }

    @Test
    void aFailingStepExits1NamesTheStepAndStillWritesTheTrace() throws Exception {
        Path trace = dir.resolve("trace.jsonl"), html = dir.resolve("trace.html");
        var r = CliRunner.run(
                "run",
                "--image",
                image.toString(),
                "--trace",
                trace.toString(),
                "--html",
                html.toString(),
                "--program-text",
                "N=EVAL(expr=\"2\")\nBOX0=LOC(image=IMAGE,object='cube')\nFINAL_RESULT=RESULT(var=BOX0)");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("step 2 (line 2, LOC)"), r.err());
        assertEquals(2, Files.readAllLines(trace).size());
        String page = Files.readString(html);
        assertTrue(page.contains("data:image/png;base64,"), "images are embedded");
        assertTrue(page.contains("no model backend for LOC"));
    }

    @Test
    void anUnknownBackendExits2ListingTheKnownOnes() {
        var r = CliRunner.run(
                "run", "--image", image.toString(), "--modules", "nosuch", "--program-text", "A=EVAL(expr=\"1\")");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown backend 'nosuch'"), r.err());
        assertFalse(r.out().contains("1"));
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"run", "eval", "collect", "demo"}) {
            var r = CliRunner.run(command, "--help");
            assertEquals(0, r.exitCode(), command);
            assertTrue(r.out().startsWith("Usage: sdvp " + command), r.out());
        }
    }
}
