package org.sdvp.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.io.Json;
import org.sdvp.core.trace.StepRecord;
import org.sdvp.core.trace.ToolCall;
import org.sdvp.core.trace.Trace;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Value;

/**
 * A question file records the pixels of the images a backend drew (REPLACE), and only those, within a budget
 * given to the first questions in id order whatever order they finished in.
 */
class RecordedPixelsTest {
    @TempDir
    Path dir;

    @Test
    void aReplaceStepCarriesItsResultAsAPngThatDecodesToTheSamePixels() throws Exception {
        QuestionTraces traces = new QuestionTraces(dir);
        traces.questionDone(example("q1"), result("q1"), Optional.of(run(48, 32, 1)));
        Path file = dir.resolve("t.questions.jsonl.gz");
        traces.write(file);

        JsonNode line = read(file).get(0);
        JsonNode replace = line.path("steps").get(0), pop = line.path("steps").get(1);
        assertTrue(replace.path("pixels").isTextual(), replace.toString());
        assertFalse(pop.has("pixels"), "COLORPOP is replayed by a reader: no pixels");
        BufferedImage want = noise(48, 32, 1);
        BufferedImage got = RecordedPixels.read(replace, 48, 32).orElseThrow();
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 48; x++) assertEquals(want.getRGB(x, y), got.getRGB(x, y), x + "," + y);
        }
        assertEquals(BufferedImage.TYPE_INT_RGB, got.getType());
        assertTrue(RecordedPixels.read(replace, 32, 48).isEmpty(), "another size than the step's input: refused");
        ObjectNode bad = ((ObjectNode) replace.deepCopy()).put("pixels", "bm90IGEgUE5H");
        assertTrue(RecordedPixels.read(bad, 48, 32).isEmpty(), "not a PNG: as if not recorded");
    }

    @Test
    void overTheBudgetTheLastQuestionsInIdOrderGiveUpTheirPixelsWhateverOrderTheyFinishedIn() throws Exception {
        int one = RecordedPixels.bytes(Json.mapper().writeValueAsString(lineOf("q1")));
        assertTrue(one > 1000, "a 40x40 noise PNG: " + one);
        List<List<String>> orders = List.of(List.of("q1", "q2", "q3", "q4"), List.of("q4", "q3", "q1", "q2"));
        List<String> files = new ArrayList<>();
        for (List<String> order : orders) {
            QuestionTraces traces = new QuestionTraces(dir, 2L * one + one / 2); // room for two and a half
            for (String id : order) traces.questionDone(example(id), result(id), Optional.of(run(40, 40, seed(id))));
            Path file = dir.resolve(String.join("", order) + ".questions.jsonl.gz");
            traces.write(file);
            List<JsonNode> lines = read(file);
            assertEquals(4, lines.size());
            for (int i = 0; i < 4; i++) {
                JsonNode replace = lines.get(i).path("steps").get(0);
                assertEquals(i < 2, replace.has("pixels"), order + ": q" + (i + 1));
                assertEquals(i >= 2, replace.has("pixelsLeftOut"), order + ": q" + (i + 1));
            }
            assertTrue(lines.get(3)
                    .path("steps")
                    .get(0)
                    .path("pixelsLeftOut")
                    .asText()
                    .contains("earlier questions"));
            files.add(lines.toString());
        }
        assertEquals(files.get(0), files.get(1), "the same file whatever the order");
    }

    @Test
    void theJournalGetsPixelsOnlyWithinTheFilesBudgetInAnyOrderAndResumesToTheSameFile() throws Exception {
        int one = RecordedPixels.bytes(Json.mapper().writeValueAsString(lineOf("q1")));
        long budget = 2L * one + one / 2; // room for two and a half
        for (List<String> order : List.of(List.of("q1", "q2", "q3", "q4"), List.of("q4", "q3", "q2", "q1"))) {
            QuestionTraces traces = new QuestionTraces(dir, budget);
            Evaluator.Recorder recorder = traces.recorder();
            List<RunJournal.Entry> journal = new ArrayList<>();
            long journalled = 0;
            for (String id : order) {
                JsonNode line = recorder.record(example(id), result(id), Optional.of(run(40, 40, seed(id))));
                journalled += RecordedPixels.bytes(line.toString());
                journal.add(new RunJournal.Entry(journal.size(), new Outcome(result(id), Map.of()), line));
            }
            assertTrue(journalled <= budget, order + ": " + journalled + " characters journalled, budget " + budget);
            // in id order the journal holds the file's lines (q1, q2 with pixels); in reverse id order the
            // journal's budget went to q4 and q3, and q2 and q1 were journalled without pixels
            assertEquals(2L * one, journalled, order.toString());
            QuestionTraces resumed = new QuestionTraces(dir, budget);
            journal.forEach(resumed::restore);
            Path whole = dir.resolve("whole.questions.jsonl.gz"), again = dir.resolve("again.questions.jsonl.gz");
            traces.write(whole);
            resumed.write(again);
            if (order.get(0).equals("q1")) assertEquals(read(whole), read(again), "resumed in id order: the same file");
            else {
                List<JsonNode> lines = read(again);
                for (int i = 0; i < 4; i++) {
                    JsonNode replace = lines.get(i).path("steps").get(0);
                    assertEquals(i >= 2, replace.has("pixels"), "resumed after a reverse-order run: q" + (i + 1));
                    if (i < 2)
                        assertTrue(replace.path("pixelsLeftOut").asText().contains("journal"), replace.toString());
                }
            }
        }
    }

    @Test
    void anImageOverTheLimitIsLeftOutWithTheReason() throws Exception {
        QuestionTraces traces = new QuestionTraces(dir);
        traces.questionDone(example("q1"), result("q1"), Optional.of(run(400, 300, 2))); // ~360 KB of PNG
        Path file = dir.resolve("big.questions.jsonl.gz");
        traces.write(file);
        JsonNode replace = read(file).get(0).path("steps").get(0);
        assertFalse(replace.has("pixels"));
        assertTrue(replace.path("pixelsLeftOut").asText().contains("over the"), replace.toString());
    }

    /** REPLACE (a backend drew {@code noise}) then COLORPOP on its result. */
    private static Execution run(int w, int h, long seed) {
        ImageValue input = ImageValue.source("s.png", new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB));
        ImageValue replaced = input.edited(noise(w, h, seed), "REPLACE cube -> 'green'");
        ImageValue popped = replaced.edited(noise(w, h, seed + 1), "COLORPOP cube");
        StepRecord replace = new StepRecord(
                0,
                1,
                "IMAGE0=REPLACE(image=IMAGE,object=OBJ1,prompt='green')",
                "REPLACE",
                "IMAGE0",
                Map.<String, Value>of("image", input),
                Optional.of(replaced),
                List.of(),
                5,
                Optional.empty(),
                List.of(new ToolCall("REPLACE", Optional.of(input), "green", "1 object replaced", "scripted")));
        StepRecord pop = new StepRecord(
                1,
                2,
                "IMAGE1=COLORPOP(image=IMAGE0,object=OBJ1)",
                "COLORPOP",
                "IMAGE1",
                Map.<String, Value>of("image", replaced),
                Optional.of(popped),
                List.of(),
                5,
                Optional.empty());
        return new Execution(
                Optional.of(popped), new Trace("...", Map.of("IMAGE", input), List.of(replace, pop)), Optional.empty());
    }

    private static JsonNode lineOf(String id) {
        return new QuestionTraces(Path.of("."))
                .recorder()
                .record(example(id), result(id), Optional.of(run(40, 40, seed(id))));
    }

    private static long seed(String id) {
        return id.hashCode();
    }

    /** Random pixels: a PNG of about 3 bytes a pixel, so sizes are predictable. */
    static BufferedImage noise(int w, int h, long seed) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) img.setRGB(x, y, rnd.nextInt(1 << 24));
        }
        return img;
    }

    private static Example example(String id) {
        return new Example(
                id,
                "edit",
                "Make it green",
                Map.of("IMAGE", Path.of("s.png")),
                Optional.empty(),
                Optional.empty(),
                Map.of());
    }

    private static QuestionResult result(String id) {
        return new QuestionResult(id, "edit", "Make it green", "image", "image", 1, null);
    }

    private static List<JsonNode> read(Path gz) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            for (String l = in.readLine(); l != null; l = in.readLine())
                out.add(Json.mapper().readTree(l));
        }
        return out;
    }
}
