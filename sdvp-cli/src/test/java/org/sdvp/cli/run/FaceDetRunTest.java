package org.sdvp.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.cli.CliRunner;

/**
 * {@code sdvp run --modules facedet,...}: OpenCV's face cascade answers FACEDET on a public-domain photo
 * (sdvp-facedet's test resources), and VisProg's knowledge-tagging program runs with the student answering
 * CLASSIFY's image–text matches.
 */
class FaceDetRunTest {
    static final Path ASTRONAUT = Path.of("..", "sdvp-facedet", "src", "test", "resources", "faces", "astronaut.jpg");
    static final Path STUDENT = Path.of("..", "models", "student-default");

    @TempDir
    Path dir;

    @Test
    void facedetCountsTheFaceAndTheTraceNamesItsBackend() throws IOException {
        Path trace = dir.resolve("trace.jsonl"), html = dir.resolve("rationale.html");
        var r = CliRunner.run(
                "run",
                "--image",
                ASTRONAUT.toString(),
                "--modules",
                "facedet",
                "--trace",
                trace.toString(),
                "--html",
                html.toString(),
                "--program-text",
                "OBJ0=FACEDET(image=IMAGE)\nFINAL_RESULT=COUNT(box=OBJ0)");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("1", r.out().strip());
        String t = Files.readString(trace);
        assertTrue(
                t.contains("\"kind\":\"LOC\"")
                        && t.contains("\"text\":\"face\"")
                        && t.contains("\"backend\":\"facedet\""),
                t);
        assertTrue(Files.readString(html).contains("LOC &quot;face&quot; → 1 box"), "the call in the rationale");
    }

    @Test
    void visProgsKnowledgeTaggingProgramRunsWithTheStudentForClassify() throws IOException {
        Path trace = dir.resolve("trace.jsonl");
        var r = CliRunner.run(
                "run",
                "--image",
                ASTRONAUT.toString(),
                "--modules",
                "facedet,vlm:" + STUDENT,
                "--trace",
                trace.toString(),
                "--program-text",
                """
                        OBJ0=FACEDET(image=IMAGE)
                        OBJ1=CLASSIFY(image=IMAGE,object=OBJ0,categories='astronaut,pilot,cook')
                        IMAGE0=TAG(image=IMAGE,object=OBJ1)
                        FINAL_RESULT=RESULT(var=IMAGE0)""");
        assertEquals(0, r.exitCode(), r.err());
        String t = Files.readString(trace);
        assertTrue(t.contains("\"kind\":\"MATCH\"") && t.contains("\"text\":\"astronaut\""), t);
        String tags = r.out().strip(); // the one face, tagged with one of the categories
        assertTrue(tags.matches("\\[(astronaut|pilot|cook) \\[131,48,205,122\\] [0-9.]+\\]"), tags);
    }

    @Test
    void facedetAloneNamesTheCallNoBackendCovers() {
        var r = CliRunner.run(
                "run",
                "--image",
                ASTRONAUT.toString(),
                "--modules",
                "facedet",
                "--program-text",
                "BOX0=LOC(image=IMAGE,object='helmet')\nFINAL_RESULT=COUNT(box=BOX0)");
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.err().contains("helmet") && r.err().contains("facedet,oracle"), r.err());
    }

    @Test
    void anUnknownCascadeIsBadUsage() {
        var r = CliRunner.run(
                "run",
                "--image",
                ASTRONAUT.toString(),
                "--modules",
                "facedet:eyes",
                "--program-text",
                "OBJ0=FACEDET(image=IMAGE)");
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("unknown cascade 'eyes'"), r.err());
    }
}
