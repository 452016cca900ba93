package org.sdvp.serve.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.Json;
import org.sdvp.serve.sample.SampleExperiment;

/** {@code sdvp serve bench} on a tiny experiment: every kind of page is loaded and timed; its images are its own. */
class PageBenchTest {
    @Test
    void everyKindOfPageIsLoadedAndTimed(@TempDir Path dir) throws Exception {
        StringWriter printed = new StringWriter();
        List<PageBench.Result> results = PageBench.run(dir, 3, 2, 10, 10, 2, new PrintWriter(printed));
        assertEquals(
                List.of(
                        "questions, cold (each row x task once)",
                        "runs index",
                        "experiment table",
                        "questions, all",
                        "questions, fixed only",
                        "question (two rows)",
                        "rationale, first drawn (each once)",
                        "rationale (trace frame)",
                        "stage"),
                results.stream().map(PageBench.Result::page).toList());
        assertEquals(4, results.get(0).loads(), "2 rows besides the baseline x 2 tasks, each once");
        for (PageBench.Result r : results) {
            assertTrue(r.bytes() > 0 && r.medianMs() > 0 && r.p90Ms() <= r.maxMs(), r.toString());
        }
        assertTrue(printed.toString().contains("(10 source images per task)"), printed.toString());
    }

    @Test
    void withAsManyImagesAsQuestionsNoTwoQuestionsShareAnImage(@TempDir Path dir) throws Exception {
        SampleExperiment.sized(3, 1, 20, 20).write(dir);
        Set<String> pixels = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            BufferedImage img = ImageIO.read(
                    dir.resolve("data/task-0/test/images/img-" + i + ".png").toFile());
            pixels.add(Arrays.toString(img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth())));
        }
        assertEquals(20, pixels.size(), "20 different images");
        Set<String> shown = new HashSet<>();
        Path questions = dir.resolve("eval/visprog/baseline/shared/task-0.questions.jsonl.gz");
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(questions)), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode q = Json.mapper().readTree(line);
                shown.add(q.get("images").get("IMAGE").asText());
            }
        }
        assertEquals(20, shown.size(), "each of the 20 questions shows its own image");
        assertThrows(IllegalArgumentException.class, () -> SampleExperiment.sized(3, 1, 20, 7));
    }
}
