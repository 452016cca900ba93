package org.sdvp.llm.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sdvp.core.module.steps.StandardModules;
import org.sdvp.core.source.ProgramSourceException;
import org.sdvp.llm.client.ClientConfig;
import org.sdvp.llm.client.OpenAiChatClient;
import org.sdvp.llm.client.RetryingChatClient;
import org.sdvp.llm.fake.FakeChatServer;
import org.sdvp.llm.fake.FakeChatServer.Responder;
import org.sdvp.llm.fake.FakeChatServer.Response;
import org.sdvp.llm.prompt.Prompts;

/** The validation loop against a real chat-completions server on 127.0.0.1, with the real VisProg validator. */
class LlmProgramSourceTest {
    static final String VALID =
            "BOX0=LOC(image=IMAGE,object='red cube')\nANSWER0=COUNT(box=BOX0)\nFINAL_RESULT=RESULT(var=ANSWER0)";
    /** Unknown module and an undefined variable: the validator reports both. */
    static final String INVALID = "BOX0=FIND(image=IMAGE,object='red cube')\nFINAL_RESULT=RESULT(var=ANSWER9)";

    static final ProgramChecker CHECKER = ProgramChecker.visprog(StandardModules.registry());

    private static LlmProgramSource source(FakeChatServer server, int reasks, Duration timeout) {
        ClientConfig c = new ClientConfig(
                server.baseUrl(),
                "fake-model",
                "SDVP_TEST_KEY",
                0,
                256,
                timeout,
                2,
                2,
                Duration.ofMillis(5),
                Duration.ofMillis(20),
                1L);
        return new LlmProgramSource(
                new RetryingChatClient(new OpenAiChatClient(c, k -> null), c), Prompts.Style.WORLD, CHECKER, reasks);
    }

    private static LlmProgramSource source(FakeChatServer server, int reasks) {
        return source(server, reasks, Duration.ofMillis(500));
    }

    @Test
    void validReplyIsUsedAsIs() throws Exception {
        try (FakeChatServer server = FakeChatServer.start(0, (i, r) -> Response.ok("```\n" + VALID + "\n```"));
                LlmProgramSource source = source(server, 2)) {
            GeneratedProgram g = source.generate(Examples.single("q1", "How many red cubes are there?"));
            assertEquals(VALID, g.program());
            assertFalse(g.fallback());
            assertEquals(1, server.requestCount());
            String prompt = FakeChatServer.lastUserMessage(server.requests().get(0));
            assertTrue(prompt.endsWith("Question: How many red cubes are there?\nProgram:\n"), prompt);
            assertEquals(1, source.counters().calls());
            assertEquals(100, source.counters().promptTokens());
            assertEquals(20, source.counters().completionTokens());
            assertEquals(0, source.counters().reasks());
        }
    }

    @Test
    void invalidThenValidReasksWithTheValidatorsMessages() throws Exception {
        Responder r = (i, req) -> Response.ok(i == 0 ? INVALID : VALID);
        try (FakeChatServer server = FakeChatServer.start(0, r);
                LlmProgramSource source = source(server, 2)) {
            GeneratedProgram g = source.generate(Examples.single("q1", "How many red cubes are there?"));
            assertEquals(VALID, g.program());
            assertFalse(g.fallback());
            assertEquals(2, server.requestCount());
            JsonNode second = server.requests().get(1);
            JsonNode messages = second.path("messages");
            assertEquals(4, messages.size());
            assertEquals("assistant", messages.get(2).path("role").asText());
            assertEquals(INVALID, messages.get(2).path("content").asText());
            String repair = FakeChatServer.lastUserMessage(second);
            assertTrue(repair.startsWith("That program is invalid:\n[line 1"), repair);
            assertTrue(repair.contains("'FIND'"), repair);
            assertTrue(repair.contains("ANSWER9"), repair);
            assertEquals(1, source.counters().reasks());
            assertEquals(0, source.counters().fallbacks());
            assertEquals(2, source.counters().calls());
        }
    }

    @Test
    void alwaysInvalidFallsBackAndCounts() throws Exception {
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.ok("I would look for cubes."));
                LlmProgramSource source = source(server, 2)) {
            GeneratedProgram g = source.generate(Examples.single("q1", "Is the cube's color red?"));
            assertTrue(g.fallback());
            assertEquals(
                    "ANSWER0=VQA(image=IMAGE,question='Is the cube\\'s color red?')\nFINAL_RESULT=RESULT(var=ANSWER0)",
                    g.program());
            CHECKER.check(g.program(), Set.of("IMAGE"));
            assertEquals(3, server.requestCount(), "one ask and two re-asks");
            assertEquals(1, source.counters().fallbacks());
            assertEquals(2, source.counters().reasks());
            assertEquals(1L, source.stats().get("llm_fallbacks"));
        }
    }

    @Test
    void pairQuestionsUseThePairPromptAndLeftRight() throws Exception {
        String pairProgram =
                "ANSWER0=VQA(image=LEFT,question='Is there a cone?')\nANSWER1=EVAL(expr=\"{ANSWER0}\")\nFINAL_ANSWER=RESULT(var=ANSWER1)";
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.ok(i == 0 ? VALID : pairProgram));
                LlmProgramSource source = source(server, 1)) {
            GeneratedProgram g = source.generate(Examples.pair("p1", "The left image has a cone."));
            // VALID uses IMAGE, which a pair does not have: re-asked
            assertEquals(pairProgram, g.program());
            String prompt = FakeChatServer.lastUserMessage(server.requests().get(0));
            assertTrue(prompt.endsWith("Statement: The left image has a cone.\nProgram:\n"), prompt);
            assertEquals(
                    "visprog-pair-v1", source.cacheKey(Examples.pair("p1", "x")).promptVersion());
        }
    }

    @Test
    void rateLimitThenSuccess() throws Exception {
        try (FakeChatServer server = FakeChatServer.start(
                        0, (i, req) -> i == 0 ? Response.error(429, "Rate limit reached") : Response.ok(VALID));
                LlmProgramSource source = source(server, 0)) {
            assertEquals(VALID, source.programFor(Examples.single("q1", "How many red cubes are there?")));
            assertEquals(2, server.requestCount());
            assertEquals(1L, source.stats().get("llm_retries"));
            assertEquals(1L, source.stats().get("llm_calls"));
        }
    }

    @Test
    void timeoutAfterRetriesFailsTheQuestion() throws Exception {
        try (FakeChatServer server =
                        FakeChatServer.start(0, (i, req) -> Response.ok(VALID).delayed(1500));
                LlmProgramSource source = source(server, 0, Duration.ofMillis(150))) {
            ProgramSourceException e = assertThrows(
                    ProgramSourceException.class,
                    () -> source.programFor(Examples.single("q7", "How many red cubes are there?")));
            assertTrue(e.getMessage().contains("q7") && e.getMessage().contains("no reply"), e.getMessage());
            assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
            assertEquals(3, server.requestCount());
            assertEquals(1, source.counters().errors());
        }
    }

    @Test
    void malformedBodyFailsTheQuestionWithoutRetry() throws Exception {
        try (FakeChatServer server =
                        FakeChatServer.start(0, (i, req) -> Response.raw("{\"choices\": [{\"message\": "));
                LlmProgramSource source = source(server, 2)) {
            ProgramSourceException e = assertThrows(
                    ProgramSourceException.class,
                    () -> source.programFor(Examples.single("q1", "How many red cubes are there?")));
            assertTrue(e.getMessage().contains("not a chat-completions JSON body"), e.getMessage());
            assertEquals(1, server.requestCount());
        }
    }

    @Test
    void wrongKeyFailsFastForEveryLaterQuestion() throws Exception {
        try (FakeChatServer server =
                        FakeChatServer.start(0, (i, req) -> Response.error(401, "Incorrect API key provided"));
                LlmProgramSource source = source(server, 2)) {
            ProgramSourceException e = assertThrows(
                    ProgramSourceException.class,
                    () -> source.programFor(Examples.single("q1", "How many red cubes are there?")));
            assertTrue(e.getMessage().contains("SDVP_TEST_KEY"), e.getMessage());
            ProgramSourceException again = assertThrows(
                    ProgramSourceException.class,
                    () -> source.programFor(Examples.single("q2", "How many cones are there?")));
            assertTrue(again.getMessage().contains("SDVP_TEST_KEY"), again.getMessage());
            assertEquals(1, server.requestCount(), "no request after a wrong key");
        }
    }

    @Test
    void unreachableServerFailsFastAfterItsRetries() throws Exception {
        int port;
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.ok(VALID))) {
            port = server.port();
        }
        ClientConfig c = new ClientConfig(
                "http://127.0.0.1:" + port + "/v1",
                "m",
                "K",
                0,
                64,
                Duration.ofMillis(300),
                2,
                1,
                Duration.ofMillis(1),
                Duration.ofMillis(2),
                1L);
        RetryingChatClient client = new RetryingChatClient(new OpenAiChatClient(c, k -> null), c);
        try (LlmProgramSource source = new LlmProgramSource(client, Prompts.Style.WORLD, CHECKER, 1)) {
            ProgramSourceException e = assertThrows(
                    ProgramSourceException.class,
                    () -> source.programFor(Examples.single("q1", "How many cubes are there?")));
            assertTrue(e.getMessage().contains("is the server running"), e.getMessage());
            assertEquals(2, client.retries());
            assertThrows(
                    ProgramSourceException.class,
                    () -> source.programFor(Examples.single("q2", "How many cones are there?")));
            assertEquals(2, client.retries(), "no further attempts once the server is known to be unreachable");
        }
    }
}
