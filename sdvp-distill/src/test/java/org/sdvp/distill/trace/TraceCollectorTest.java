package org.sdvp.distill.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.core.io.DataException;
import org.sdvp.core.metric.ExactMatch;
import org.sdvp.core.metric.Metric;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.source.DatasetPrograms;
import org.sdvp.core.testing.FakeModels;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.TextValue;

class TraceCollectorTest {
    @TempDir
    Path dir;

    private static final String PROGRAM = """
            BOX0=LOC(image=IMAGE,object='cube')
            IMAGE0=CROP(image=IMAGE,box=BOX0)
            ANSWER0=VQA(image=IMAGE0,question='What color is the cube?')
            FINAL_RESULT=RESULT(var=ANSWER0)
            """;

    private Task toyTask(List<Example> examples) {
        return new Task() {
            @Override
            public String name() {
                return "toy";
            }

            @Override
            public String description() {
                return "toy";
            }

            @Override
            public Set<String> initialVariables() {
                return Set.of("IMAGE");
            }

            @Override
            public Metric metric() {
                return new ExactMatch();
            }

            @Override
            public ExampleSource open(Path d, String split) {
                return ExampleSource.of(examples);
            }
        };
    }

    @Test
    void collectsEveryModelCallWithProvenanceAndAnswerConsistency() throws Exception {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Path image = dir.resolve("img" + i + ".png");
            ImageIO.write(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
            examples.add(new Example(
                    "q" + i,
                    "query_color",
                    "What color is the cube?",
                    Map.of("IMAGE", image),
                    Optional.of(PROGRAM),
                    Optional.of(new TextValue(i < 4 ? "red" : "blue")),
                    Map.of()));
        }
        var services = FakeModels.services(
                loc -> List.of(new Detection(new Box(10, 10, 20, 20), "cube", 0.9)), vqa -> "red", m -> 0.5);
        Task task = toyTask(examples);
        try (ModelGateway g = new ModelGateway(services)) {
            CollectedCalls c = new TraceCollector(task, new VisProgInterpreter(), new DatasetPrograms(), 3)
                    .collect(task.open(dir, "train"), "train", g, Map.of(), null);
            assertEquals(6, c.questions());
            assertEquals(4, c.consistent());
            assertEquals(Map.of("LOC", 6, "VQA", 6), c.callsByKind());
            assertEquals(Map.of("LOC", 4, "VQA", 4), c.consistentByKind());
            assertEquals(8, c.consistentCalls().size());
            SubTaskCall vqa = c.calls().stream()
                    .filter(x -> x.questionId().equals("q5") && x.kind().equals("VQA"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("img5.png", vqa.sourceImage());
            assertEquals(dir.resolve("img5.png").toString(), vqa.imagePath());
            // the box enlarged ×1.5 is [7.5, 7.5, 22.5, 22.5]; crops round outwards to whole pixels
            assertEquals(List.of(7.0, 7.0, 23.0, 23.0), vqa.region());
            assertEquals(2, vqa.step());
            assertFalse(vqa.answerConsistent());
            assertEquals("6 questions (4 answer-consistent); calls LOC 6 (4 kept) VQA 6 (4 kept)", c.summary());

            Path file = dir.resolve("calls.jsonl");
            CallsFile.write(file, c.calls());
            List<SubTaskCall> back = CallsFile.read(file);
            assertEquals(c.calls().size(), back.size());
            assertEquals(
                    vqa.region(),
                    back.stream()
                            .filter(x -> x.questionId().equals("q5") && x.kind().equals("VQA"))
                            .findFirst()
                            .orElseThrow()
                            .region());
        }
    }

    @Test
    void aMalformedCallsFileNamesFileAndLine() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "\n{\"questionId\": 3,\n");
        DataException e = assertThrows(DataException.class, () -> CallsFile.read(file));
        assertTrue(e.getMessage().startsWith(file + ":2: not a sub-task call"), e.getMessage());
    }
}
