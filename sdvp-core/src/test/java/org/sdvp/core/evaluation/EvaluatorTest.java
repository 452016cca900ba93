package org.sdvp.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.core.metric.ExactMatch;
import org.sdvp.core.metric.Metric;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.source.DatasetPrograms;
import org.sdvp.core.testing.FakeModels;
import org.sdvp.core.value.TextValue;

class EvaluatorTest {
    @TempDir
    Path dir;

    private static final String ASK = """
            ANSWER0=VQA(image=IMAGE,question='What color is the cube?')
            FINAL_RESULT=RESULT(var=ANSWER0)
            """;

    private static Task task(List<Example> examples) {
        return new Task() {
            @Override
            public String name() {
                return "toy";
            }

            @Override
            public String description() {
                return "toy task";
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

    private Example example(String id, String type, Path image, String program, String gold) {
        return new Example(
                id,
                type,
                "q" + id,
                Map.of("IMAGE", image),
                Optional.ofNullable(program),
                Optional.of(new TextValue(gold)),
                Map.of());
    }

    @Test
    void aSourceFailingMidRunStopsTheRunWithItsMessage() throws Exception {
        Path image = dir.resolve("img.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        Example good = example("a", "t", image, "A=EVAL(expr=\"1\")", "1");
        ExampleSource failing = new ExampleSource() {
            int served;

            @Override
            public java.util.OptionalLong size() {
                return java.util.OptionalLong.empty();
            }

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Example next() {
                if (served++ < 3) return good;
                throw new java.io.UncheckedIOException(new java.io.IOException("questions.json changed"));
            }

            @Override
            public void close() {}
        };
        try (ModelGateway g = new ModelGateway(ModelServices.none())) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.sdvp.core.io.DataException.class,
                    () -> new Evaluator(task(List.of()), new VisProgInterpreter(), new DatasetPrograms(), g, 4)
                            .run(failing, "test", Map.of(), null));
            assertTrue(e.getMessage().startsWith("reading the examples failed after 3 questions"), e.getMessage());
            assertTrue(e.getMessage().contains("questions.json changed"), e.getMessage());
        }
    }

    @Test
    void scoresEveryQuestionRecordsFailuresAndBatchesAcrossPrograms() throws Exception {
        Path image = dir.resolve("img.png");
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 40; i++)
            examples.add(example("ok" + i, i % 2 == 0 ? "even" : "odd", image, ASK, i < 30 ? "red" : "blue"));
        examples.add(example("noimage", "even", dir.resolve("missing.png"), ASK, "red"));
        examples.add(example("invalid", "odd", image, "A=NOPE(x=1)", "red"));
        examples.add(example("noprogram", "odd", image, null, "red"));

        FakeModels.Scripted<VqaRequest, org.sdvp.core.service.VqaAnswer> vqa = new FakeModels.Scripted<>(r -> {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new org.sdvp.core.service.VqaAnswer("Red.", 1);
        });
        Task task = task(examples);
        try (ModelGateway g =
                new ModelGateway(ModelServices.builder("fake").vqa(vqa).build())) {
            EvalResult r = new Evaluator(task, new VisProgInterpreter(), new DatasetPrograms(), g, 8)
                    .run(task.open(dir, "test"), "test", Map.of(), null);
            assertEquals(43, r.count());
            assertEquals(30.0 / 43, r.score(), 1e-9);
            assertEquals(3, r.errors());
            assertEquals(13, r.misses().size());
            assertEquals(List.of("even", "odd"), List.copyOf(r.byType().keySet()));
            QuestionResult missing = r.misses().stream()
                    .filter(q -> q.id().equals("noimage"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(missing.error().contains("missing.png"), missing.error());
            assertTrue(r.misses().stream()
                    .anyMatch(q -> q.id().equals("invalid") && q.error().startsWith("invalid program")));
            assertTrue(vqa.batches.get() < 40, "calls from concurrent programs share batches: " + vqa.batches.get());
        }
    }

    @Test
    void theTaskSeesEveryOutcomeWithItsMetaInInputOrderForItsAggregates() throws Exception {
        Path image = dir.resolve("img.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        // sentence s1: both right; sentence s2: one right, one wrong → "all right per group" = 1/2
        List<Example> examples = new ArrayList<>();
        String[][] rows = {{"a", "s1", "1"}, {"b", "s2", "1"}, {"c", "s1", "1"}, {"d", "s2", "2"}};
        for (String[] row : rows) {
            examples.add(new Example(
                    row[0],
                    "t",
                    "q",
                    Map.of("IMAGE", image),
                    Optional.of("A=EVAL(expr=\"1\")"),
                    Optional.of(new TextValue(row[2])),
                    Map.of("sentence_id", row[1])));
        }
        List<String> seen = new ArrayList<>();
        Task grouped = new Task() {
            @Override
            public String name() {
                return "grouped";
            }

            @Override
            public String description() {
                return "toy task with a group figure";
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

            @Override
            public Map<String, Double> aggregates(List<Outcome> outcomes) {
                Map<String, Boolean> allRight = new java.util.TreeMap<>();
                for (Outcome o : outcomes) {
                    seen.add(o.result().id());
                    allRight.merge(o.meta().get("sentence_id"), o.result().score() == 1, Boolean::logicalAnd);
                }
                return Map.of(
                        "groups", allRight.values().stream().filter(b -> b).count() / (double) allRight.size());
            }
        };
        try (ModelGateway g = new ModelGateway(ModelServices.none())) {
            EvalResult r = new Evaluator(grouped, new VisProgInterpreter(), new DatasetPrograms(), g, 3)
                    .run(grouped.open(dir, "test"), "test", Map.of(), null);
            assertEquals(0.75, r.score(), 1e-12);
            assertEquals(List.of("a", "b", "c", "d"), seen);
            assertEquals(Map.of("groups", 0.5), r.aggregates());
            assertTrue(r.summary().endsWith("; groups 0.5000"), r.summary());
        }
    }
}
