package org.sdvp.llm.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.DataException;
import org.sdvp.core.source.DatasetPrograms;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.core.source.ProgramSourceException;
import org.sdvp.llm.fake.FakeChatServer;
import org.sdvp.llm.fake.FakeChatServer.Response;

class ProgramSourcesTest {
    @TempDir
    Path dir;

    @Test
    void datasetOption() throws Exception {
        assertInstanceOf(
                DatasetPrograms.class,
                ProgramSources.create("dataset", LlmOptions.defaults(), LlmProgramSourceTest.CHECKER, "gqa-sim"));
    }

    @Test
    void programFileByQuestionId() throws Exception {
        Path file = dir.resolve("programs.jsonl");
        Files.writeString(
                file,
                "{\"id\": \"q1\", \"program\": \"A=1\"}\n\n{\"id\": 7, \"program\": \"B\\nC\", \"note\": \"x\"}\n");
        ProgramSource s =
                ProgramSources.create(file.toString(), LlmOptions.defaults(), LlmProgramSourceTest.CHECKER, "gqa");
        assertEquals("A=1", s.programFor(Examples.single("q1", "?")));
        assertEquals("B\nC", s.programFor(Examples.single("7", "?")));
        ProgramSourceException e =
                assertThrows(ProgramSourceException.class, () -> s.programFor(Examples.single("q9", "?")));
        assertTrue(e.getMessage().contains("q9") && e.getMessage().contains("programs.jsonl"), e.getMessage());
        assertEquals("programs.jsonl", s.name());
    }

    @Test
    void badProgramFilesNameTheLine() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"id\": \"q1\", \"program\": \"A\"}\n{\"id\": \"q1\", \"program\": \"B\"}\n");
        DataException dup = assertThrows(DataException.class, () -> ProgramFileSource.open(file));
        assertTrue(dup.getMessage().contains("bad.jsonl:2") && dup.getMessage().contains("twice"), dup.getMessage());
        Files.writeString(file, "{\"id\": \"q1\"}\n");
        DataException missing = assertThrows(DataException.class, () -> ProgramFileSource.open(file));
        assertTrue(missing.getMessage().contains("bad.jsonl:1"), missing.getMessage());
        Files.writeString(file, "{oops\n");
        assertThrows(DataException.class, () -> ProgramFileSource.open(file));
    }

    @Test
    void unknownOptionAndMissingLlmSettingsAreExplained() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ProgramSources.create("llmm", LlmOptions.defaults(), LlmProgramSourceTest.CHECKER, "gqa"));
        assertTrue(e.getMessage().contains("dataset, llm or a program file"), e.getMessage());
        IllegalArgumentException url = assertThrows(
                IllegalArgumentException.class,
                () -> ProgramSources.create("llm", LlmOptions.defaults(), LlmProgramSourceTest.CHECKER, "gqa"));
        assertTrue(url.getMessage().contains("--llm-base-url"), url.getMessage());
        IllegalArgumentException model = assertThrows(
                IllegalArgumentException.class,
                () -> ProgramSources.create(
                        "llm",
                        LlmOptions.defaults().withEndpoint("http://127.0.0.1:1/v1", null),
                        LlmProgramSourceTest.CHECKER,
                        "gqa"));
        assertTrue(model.getMessage().contains("--llm-model"), model.getMessage());
    }

    @Test
    void llmOptionBuildsACachedSourceWithProvenance() throws Exception {
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.ok(LlmProgramSourceTest.VALID))) {
            LlmOptions o = LlmOptions.defaults()
                    .withEndpoint(server.baseUrl(), "fake-model")
                    .withCache(dir.resolve("c.jsonl"));
            try (ProgramSource s = ProgramSources.create("llm", o, LlmProgramSourceTest.CHECKER, "gqa-sim")) {
                assertEquals("llm:fake-model", s.name());
                assertEquals(
                        LlmProgramSourceTest.VALID,
                        s.programFor(Examples.single("q1", "How many red cubes are there?")));
                Map<String, Long> stats = ProgramSources.stats(s);
                assertEquals(1L, stats.get("llm_calls"));
                assertEquals(1L, stats.get("cache_misses"));
            }
            Map<String, String> p = ProgramSources.provenance("llm", o, "gqa-sim");
            assertEquals("visprog-single-v1,visprog-pair-v1", p.get("llm_prompts"));
            assertEquals(server.baseUrl(), p.get("llm_base_url"));
            assertFalse(p.toString().toLowerCase().contains("sk-"));
        }
        assertEquals(Map.of(), ProgramSources.stats(new DatasetPrograms()));
    }

    @Test
    void fallbackProgramsValidate() throws Exception {
        String tricky = "Is the \"big\" cube's colour\nred \\ blue?";
        String single = FallbackPrograms.programFor(Examples.single("q", tricky));
        LlmProgramSourceTest.CHECKER.check(single, Set.of("IMAGE"));
        assertTrue(single.contains("question='Is the \"big\" cube\\'s colour red \\\\ blue?'"), single);
        String pair = FallbackPrograms.programFor(Examples.pair("p", tricky));
        LlmProgramSourceTest.CHECKER.check(pair, Set.of("LEFT", "RIGHT"));
        assertTrue(
                pair.contains("image=LEFT")
                        && pair.contains("image=RIGHT")
                        && pair.contains("\"'yes' if {ANSWER0} or {ANSWER1} else 'no'\""),
                pair);
    }
}
