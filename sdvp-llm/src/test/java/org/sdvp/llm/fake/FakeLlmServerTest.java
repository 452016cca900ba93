package org.sdvp.llm.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.module.steps.StandardModules;
import org.sdvp.llm.client.ClientConfig;
import org.sdvp.llm.client.OpenAiChatClient;
import org.sdvp.llm.prompt.Prompts;
import org.sdvp.llm.source.GeneratedProgram;
import org.sdvp.llm.source.LlmProgramSource;
import org.sdvp.llm.source.ProgramChecker;

/** The canned server that scripts/fake-llm-server.sh starts, driven by the real LLM source. */
class FakeLlmServerTest {
    @TempDir
    Path dir;

    private static Example single(String q) {
        return new Example(
                "q", "t", q, Map.of("IMAGE", Path.of("x.png")), Optional.empty(), Optional.empty(), Map.of());
    }

    private static LlmProgramSource source(FakeChatServer server) {
        ClientConfig c = ClientConfig.defaults(server.baseUrl(), "fake").withTimeout(Duration.ofSeconds(2));
        return new LlmProgramSource(
                new OpenAiChatClient(c, k -> null),
                Prompts.Style.WORLD,
                ProgramChecker.visprog(StandardModules.registry()),
                1);
    }

    @Test
    void servesRepliesFileThenVqaDefaultAndReasksWhenAskedTo() throws Exception {
        Path replies = dir.resolve("replies.jsonl");
        String counting =
                "BOX0=LOC(image=IMAGE,object='cone')\nANSWER0=COUNT(box=BOX0)\nFINAL_RESULT=RESULT(var=ANSWER0)";
        Files.writeString(
                replies,
                "{\"question\": \"How many cones are there?\", \"program\": " + "\"" + counting.replace("\n", "\\n")
                        + "\"}\n");
        FakeLlmServer fake = new FakeLlmServer(FakeLlmServer.readReplies(replies), true);
        try (FakeChatServer server = FakeChatServer.start(0, fake::respond);
                LlmProgramSource source = source(server)) {
            GeneratedProgram g = source.generate(single("How many cones are there?"));
            assertEquals(counting, g.program());
            assertFalse(g.fallback());
            assertEquals(2, server.requestCount(), "invalid first reply, then the re-ask");
            GeneratedProgram vqa = source.generate(single("What's the cube's color?"));
            assertEquals(
                    "ANSWER0=VQA(image=IMAGE,question='What\\'s the cube\\'s color?')\nFINAL_RESULT=RESULT(var=ANSWER0)",
                    vqa.program());
            assertFalse(vqa.fallback());
            assertEquals(2, source.counters().reasks(), "one re-ask per new question");
        }
    }

    @Test
    void datasetProgramsServedByQuestionText() throws Exception {
        Map<String, String> replies = FakeLlmServer.datasetReplies("toy-llm", dir, "test");
        assertEquals(Map.of("How many cones are there?", ToyTaskProvider.COUNT), replies);
        FakeLlmServer fake = new FakeLlmServer(replies, false);
        try (FakeChatServer server = FakeChatServer.start(0, fake::respond);
                LlmProgramSource source = source(server)) {
            assertEquals(ToyTaskProvider.COUNT, source.programFor(single("How many cones are there?")));
            assertEquals(1, server.requestCount());
        }
    }
}
