package org.sdvp.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.trace.ModelCall;
import org.sdvp.core.trace.StepRecord;
import org.sdvp.core.trace.Trace;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;

/** The question file an experiment's evaluation writes for {@code sdvp serve}: one gzip JSON line per question. */
class QuestionTracesTest {
    @TempDir
    Path dir;

    @Test
    void recordsEveryQuestionWithItsAnswerTraceAndImagePathsInIdOrder() throws Exception {
        Path data = dir.resolve("data/gqa-sim");
        Path image = data.resolve("test/images/s1.png");
        ImageValue whole = ImageValue.source("s1.png", new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB));
        ImageValue crop = whole.crop(new Box(2, 2, 6, 6));
        StepRecord vqa = new StepRecord(
                0,
                1,
                "ANSWER0=VQA(image=IMAGE,question='color?')",
                "VQA",
                "ANSWER0",
                Map.<String, Value>of("image", crop),
                Optional.of(new TextValue("red")),
                List.of(new ModelCall(new VqaRequest(crop, "color?"), new VqaAnswer("red", 0.9), "vlm")),
                12,
                Optional.empty());
        Execution ran = new Execution(
                Optional.of(new TextValue("red")),
                new Trace("ANSWER0=VQA(image=IMAGE,question='color?')", Map.of("IMAGE", whole), List.of(vqa)),
                Optional.empty());

        QuestionTraces traces = new QuestionTraces(data);
        traces.questionDone(
                example("q2", image),
                new QuestionResult("q2", "query", "What <b>color</b>?", null, "red", 0, "step failed"),
                Optional.empty());
        traces.questionDone(
                example("q1", image),
                new QuestionResult("q1", "query", "What color?", "red", "red", 1, null),
                Optional.of(ran));
        Path file = QuestionTraces.beside(dir.resolve("eval/visprog/baseline/shared/gqa-sim.json"));
        traces.write(file);

        assertEquals("gqa-sim.questions.jsonl.gz", file.getFileName().toString());
        List<JsonNode> lines = read(file);
        assertEquals(
                List.of("q1", "q2"),
                lines.stream().map(l -> l.get("id").asText()).toList());
        JsonNode q1 = lines.get(0);
        assertEquals("red", q1.get("prediction").asText());
        assertEquals(1.0, q1.get("score").asDouble());
        assertEquals(
                "test/images/s1.png", q1.get("images").get("IMAGE").asText(), "relative to the task's data folder");
        assertEquals("s1.png", q1.get("initial").get("IMAGE").get("source").asText());
        JsonNode step = q1.get("steps").get(0);
        assertEquals(
                "[2.0,2.0,6.0,6.0]",
                step.get("inputs").get("image").get("region").toString(),
                "provenance, no pixels");
        assertEquals(
                "red", step.get("calls").get(0).get("response").get("answer").asText());
        JsonNode q2 = lines.get(1);
        assertEquals("step failed", q2.get("error").asText());
        assertEquals(0, q2.get("steps").size());
        assertTrue(q2.get("program").isNull());
    }

    private static Example example(String id, Path image) {
        return new Example(id, "query", "q", Map.of("IMAGE", image), Optional.empty(), Optional.empty(), Map.of());
    }

    private static List<JsonNode> read(Path gz) throws Exception {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            return in.lines()
                    .map(l -> {
                        try {
                            return Json.mapper().readTree(l);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
    }
}
