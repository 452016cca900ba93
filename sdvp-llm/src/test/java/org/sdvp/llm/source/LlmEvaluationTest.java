package org.sdvp.llm.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.core.metric.ExactMatch;
import org.sdvp.core.metric.Metric;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.core.testing.FakeModels;
import org.sdvp.core.value.TextValue;
import org.sdvp.llm.fake.FakeChatServer;
import org.sdvp.llm.fake.FakeChatServer.Response;

/**
 * The whole path the eval command takes with {@code --programs llm}: the core evaluator, the VisProg
 * interpreter, fake models, and programs from a chat-completions server on 127.0.0.1 through the cache.
 * A second evaluation of the same questions makes no LLM calls and scores the same.
 */
class LlmEvaluationTest {
    @TempDir
    Path dir;

    private static final String COUNT_PROGRAM = """
            BOX0=LOC(image=IMAGE,object='red cube')
            ANSWER0=COUNT(box=BOX0)
            FINAL_RESULT=RESULT(var=ANSWER0)""";

    private Task task(List<Example> examples) {
        return new Task() {
            @Override
            public String name() {
                return "toy-sim";
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

    private EvalResult evaluate(Task task, ProgramSource programs) throws Exception {
        try (ModelGateway g = new ModelGateway(FakeModels.services(r -> List.of(), r -> "blue", r -> 0.0))) {
            return new Evaluator(task, new VisProgInterpreter(), programs, g, 4)
                    .run(task.open(dir, "test"), "test", Map.of(), null);
        }
    }

    @Test
    void secondEvaluationMakesNoLlmCalls() throws Exception {
        Path image = dir.resolve("img.png");
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boolean counting = i % 2 == 0;
            examples.add(new Example(
                    "q" + i,
                    counting ? "count" : "query",
                    counting ? "How many red cubes are there?" : "What color is sphere " + i + "?",
                    Map.of("IMAGE", image),
                    Optional.empty(),
                    Optional.of(new TextValue(counting ? "0" : "blue")),
                    Map.of()));
        }
        Task task = task(examples);
        // counting questions get a LOC/COUNT program (invalid the first time: re-asked); others the VQA default
        Response invalid = Response.ok("ANSWER0=COUNT(box=BOX9)");
        FakeChatServer.Responder responder = (i, req) -> {
            String user = FakeChatServer.lastUserMessage(req);
            if (user.endsWith("How many red cubes are there?\nProgram:\n")) return invalid;
            if (user.startsWith("That program is invalid")) return Response.ok(COUNT_PROGRAM);
            String q = user.substring(user.lastIndexOf("Question: ") + 10, user.lastIndexOf("\nProgram:"));
            return Response.ok("ANSWER0=VQA(image=IMAGE,question='" + q + "')\nFINAL_RESULT=RESULT(var=ANSWER0)");
        };
        Path cache = dir.resolve("llm-programs.jsonl");
        LlmOptions options = LlmOptions.defaults().withCache(cache);
        Map<String, Long> firstStats;
        try (FakeChatServer server = FakeChatServer.start(0, responder);
                ProgramSource programs = ProgramSources.create(
                        "llm",
                        options.withEndpoint(server.baseUrl(), "fake"),
                        new VisProgInterpreter()::check,
                        task.name())) {
            EvalResult first = evaluate(task, programs);
            assertEquals(1.0, first.score(), first.misses().toString());
            firstStats = ProgramSources.stats(programs);
            assertEquals(2 + 6, server.requestCount(), "one question text asked and re-asked once, six VQA texts");
        }
        assertEquals(7L, firstStats.get("cache_misses"));
        assertEquals(1L, firstStats.get("llm_reasks"));
        assertEquals(0L, firstStats.get("llm_fallbacks"));
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.error(500, "not again"));
                ProgramSource programs = ProgramSources.create(
                        "llm",
                        options.withEndpoint(server.baseUrl(), "fake"),
                        new VisProgInterpreter()::check,
                        task.name())) {
            EvalResult second = evaluate(task, programs);
            assertEquals(1.0, second.score());
            assertEquals(0, server.requestCount());
            Map<String, Long> s = ProgramSources.stats(programs);
            assertEquals(12L, s.get("cache_hits"));
            assertEquals(0L, s.get("llm_calls"));
        }
    }
}
