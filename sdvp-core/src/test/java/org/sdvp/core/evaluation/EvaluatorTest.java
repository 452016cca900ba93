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
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.source.DatasetPrograms;
import org.sdvp.core.testing.FakeModels;
import org.sdvp.core.value.TextValue;

class EvaluatorTest {
    @TempDir Path dir;

    private static final String ASK = """
            ANSWER0=VQA(image=IMAGE,question='What color is the cube?')
            FINAL_RESULT=RESULT(var=ANSWER0)
            """;

    private static Task task(List<Example> examples) {
        return new Task() {
            @Override public String name() { return "toy"; }
            @Override public String description() { return "toy task"; }
            @Override public Set<String> initialVariables() { return Set.of("IMAGE"); }
            @Override public Metric metric() { return new ExactMatch(); }
            @Override public ExampleSource open(Path d, String split) { return ExampleSource.of(examples); }
        };
    }

    private Example example(String id, String type, Path image, String program, String gold) {
        return new Example(id, type, "q" + id, Map.of("IMAGE", image), Optional.ofNullable(program),
                Optional.of(new TextValue(gold)), Map.of());
    }

    @Test
    void scoresEveryQuestionRecordsFailuresAndBatchesAcrossPrograms() throws Exception {
        Path image = dir.resolve("img.png");
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 40; i++) examples.add(example("ok" + i, i % 2 == 0 ? "even" : "odd", image, ASK, i < 30 ? "red" : "blue"));
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
        try (ModelGateway g = new ModelGateway(ModelServices.builder("fake").vqa(vqa).build())) {
            EvalResult r = new Evaluator(task, new VisProgInterpreter(), new DatasetPrograms(), g, 8)
                    .run(task.open(dir, "test"), "test", Map.of(), null);
            assertEquals(43, r.count());
            assertEquals(30.0 / 43, r.score(), 1e-9);
            assertEquals(3, r.errors());
            assertEquals(13, r.misses().size());
            assertEquals(List.of("even", "odd"), List.copyOf(r.byType().keySet()));
            QuestionResult missing = r.misses().stream().filter(q -> q.id().equals("noimage")).findFirst().orElseThrow();
            assertTrue(missing.error().contains("missing.png"), missing.error());
            assertTrue(r.misses().stream().anyMatch(q -> q.id().equals("invalid") && q.error().startsWith("invalid program")));
            assertTrue(vqa.batches.get() < 40, "calls from concurrent programs share batches: " + vqa.batches.get());
        }
    }
}
