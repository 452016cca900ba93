package org.sdvp.cli.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.cli.CliRunner;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.llm.fake.FakeChatServer;
import org.sdvp.llm.fake.FakeChatServer.Response;
import org.sdvp.world.task.WorldTaskSpec;
import org.sdvp.world.task.WorldViperPrograms;

/**
 * {@code sdvp eval --framework viper --programs llm} against the loopback fake server: the server answers
 * each question with the ViperGPT program converted from the world's functional program, after a
 * deliberately broken one for a few questions. The broken kinds are caught by the static check before
 * anything runs, re-asked once with their problem and line, and counted; the right programs score 1.0 on the
 * oracle, as the converted programs do; a second run makes no request. With {@code --samples 5} and two of
 * five programs wrong, the majority answer wins.
 */
class ViperLlmEvalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUESTION = Pattern.compile("(?s).*Question: ([^\\n]*)\\nProgram:");

    @TempDir
    static Path dir;

    static Path data;
    /** Question text → the converted (right) ViperGPT program. */
    static final Map<String, String> RIGHT = new LinkedHashMap<>();

    /** The broken kinds, each with what the re-ask must say about it. */
    static final List<String[]> BROKEN = List.of(
            new String[] {
                "def execute_command(image):\n    return ImagePatch(image).exists('cube'\n", "Python syntax error"
            },
            new String[] {
                "def execute_command(image):\n    patch = ImagePatch(image)\n    return patch.find_objects('cube')\n",
                "[line 3:12] Error: unknown method find_objects"
            },
            new String[] {
                "def execute_command(image):\n    patch = ImagePatch(image)\n    return bool_to_yesno(patch.exists('cube', 'red'))\n",
                "[line 3:26] Error: exists(object_name) takes at most 1 argument, 2 given"
            },
            new String[] {
                "import os\ndef execute_command(image):\n    return str(os.listdir('/'))\n",
                "[line 1] Error: not allowed in a program: import os"
            });

    @BeforeAll
    static void generate() throws Exception {
        data = dir.resolve("gqa-sim");
        var r = CliRunner.run(
                "world",
                "generate",
                "--task",
                "gqa-sim",
                "--split",
                "test",
                "--count",
                "10",
                "--seed",
                "7",
                "--out",
                data.toString());
        assertEquals(0, r.exitCode(), r.err());
        Map<String, String> byId = WorldViperPrograms.programs(WorldTaskSpec.find("gqa-sim"), data, "test");
        try (ExampleSource examples = Tasks.find("gqa-sim").open(data, "test")) {
            while (examples.hasNext()) {
                Example e = examples.next();
                RIGHT.putIfAbsent(e.question(), byId.get(e.id()));
            }
        }
        assertTrue(RIGHT.size() >= BROKEN.size() + 2, "distinct questions: " + RIGHT.size());
    }

    private static String question(JsonNode request) {
        Matcher m = QUESTION.matcher(
                FakeChatServer.lastUserMessage(request).isEmpty()
                        ? ""
                        : request.path("messages").get(1).path("content").asText());
        return m.find() ? m.group(1).strip() : "";
    }

    private static String[] eval(FakeChatServer server, Path cache, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "eval",
                "--task",
                "gqa-sim",
                "--data",
                data.toString(),
                "--split",
                "test",
                "--framework",
                "viper",
                "--modules",
                "oracle",
                "--programs",
                "llm",
                "--llm-base-url",
                server.baseUrl(),
                "--llm-model",
                "fake",
                "--llm-cache",
                cache.toString(),
                "--out",
                out.toString(),
                "--concurrency",
                "2"));
        args.addAll(List.of(more));
        var r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.out() + r.err());
        return new String[] {r.out(), r.err()};
    }

    @Test
    void brokenProgramsAreCaughtReaskedAndCountedAndTheRightOnesScoreOne() throws Exception {
        List<String> questions = new ArrayList<>(RIGHT.keySet());
        Map<String, String[]> broken = new LinkedHashMap<>();
        for (int i = 0; i < BROKEN.size(); i++) broken.put(questions.get(i), BROKEN.get(i));
        Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
        Map<String, String> repairs = new ConcurrentHashMap<>();
        // one right program also asks the language model something (its answer is not used)
        String asking = questions.get(BROKEN.size());
        AtomicInteger queries = new AtomicInteger();
        try (FakeChatServer server = FakeChatServer.start(0, (index, request) -> {
            if (FakeChatServer.systemMessage(request).startsWith("Answer the question in a few words")) {
                queries.incrementAndGet();
                return Response.ok("a test");
            }
            String q = question(request);
            if (q.equals(asking)) {
                return Response.ok("```python\n"
                        + RIGHT.get(q)
                                .replace(
                                        "def execute_command(image):\n",
                                        "def execute_command(image):\n    llm_query('Is this a test?')\n")
                        + "```");
            }
            int n = asked.computeIfAbsent(q, k -> new AtomicInteger()).getAndIncrement();
            if (n == 0 && broken.containsKey(q)) return Response.ok("```python\n" + broken.get(q)[0] + "```");
            if (n > 0) repairs.put(q, FakeChatServer.lastUserMessage(request));
            return Response.ok("```python\n" + RIGHT.get(q) + "```");
        })) {
            Path cache = dir.resolve("programs.jsonl"), out = dir.resolve("r1.json");
            String[] printed = eval(server, cache, out);
            JsonNode r = JSON.readTree(out.toFile());
            assertEquals(1.0, r.path("score").asDouble(), printed[0] + r.path("misses"));
            JsonNode programs = r.path("programs");
            assertEquals(BROKEN.size(), programs.path("llm_reasks").asInt(), programs.toString());
            assertEquals(0, programs.path("llm_fallbacks").asInt(), programs.toString());
            assertEquals(RIGHT.size() + BROKEN.size() + queries.get(), server.requestCount());
            assertTrue(queries.get() >= 1, "llm_query reached the endpoint");
            assertEquals(queries.get(), programs.path("llm_query_calls").asInt(), programs.toString());
            assertEquals(
                    "viper-single-v1,viper-pair-v1",
                    r.path("provenance").path("llm_prompts").asText());
            for (var b : broken.entrySet()) {
                String repair = repairs.get(b.getKey());
                assertTrue(repair != null && repair.contains(b.getValue()[1]), b.getValue()[1] + " in " + repair);
            }

            // a second run takes every program and the llm_query answer from the caches: no request
            int before = server.requestCount();
            eval(server, cache, dir.resolve("r2.json"));
            assertEquals(before, server.requestCount());
            JsonNode again = JSON.readTree(dir.resolve("r2.json").toFile());
            assertEquals(1.0, again.path("score").asDouble());
            assertEquals(0, again.path("programs").path("llm_calls").asInt());
            assertEquals(0, again.path("programs").path("llm_query_calls").asInt());
            assertTrue(
                    again.path("programs").path("llm_query_cache_hits").asInt() >= 1,
                    again.path("programs").toString());
        }
    }

    @Test
    void fiveSamplesWithTwoWrongGiveTheMajorityAnswer() throws Exception {
        Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
        try (FakeChatServer server = FakeChatServer.start(0, (index, request) -> {
            String q = question(request);
            int n = asked.computeIfAbsent(q, k -> new AtomicInteger()).getAndIncrement();
            String program = n == 1 || n == 3 ? "def execute_command(image):\n    return 'wrong'\n" : RIGHT.get(q);
            return Response.ok("```python\n" + program + "```");
        })) {
            Path out = dir.resolve("samples.json");
            String[] printed =
                    eval(server, dir.resolve("samples.jsonl"), out, "--samples", "5", "--llm-temperature", "0.8");
            JsonNode r = JSON.readTree(out.toFile());
            assertEquals(1.0, r.path("score").asDouble(), printed[0] + r.path("misses"));
            assertEquals(5 * RIGHT.size(), server.requestCount());
            JsonNode sampling = r.path("sampling");
            assertEquals(5, sampling.path("samples").asInt(), sampling.toString());
            assertEquals(1.0, sampling.path("valid").asDouble(), sampling.toString());
            assertEquals(0.6, sampling.path("agreement").asDouble(), 1e-9, sampling.toString());
            assertTrue(printed[0].contains("5 samples per question"), printed[0]);
        }
    }
}
