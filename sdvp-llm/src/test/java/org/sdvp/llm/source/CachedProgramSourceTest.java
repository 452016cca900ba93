package org.sdvp.llm.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.core.source.ProgramSourceException;
import org.sdvp.llm.cache.CacheEntry;
import org.sdvp.llm.cache.CacheKey;
import org.sdvp.llm.cache.ProgramCache;
import org.sdvp.llm.client.ClientConfig;
import org.sdvp.llm.client.OpenAiChatClient;
import org.sdvp.llm.client.RetryingChatClient;
import org.sdvp.llm.fake.FakeChatServer;
import org.sdvp.llm.fake.FakeChatServer.Response;

class CachedProgramSourceTest {
    @TempDir
    Path dir;

    private static final List<Example> QUESTIONS = List.of(
            Examples.single("q1", "How many red cubes are there?"),
            Examples.single("q2", "What color is the cone?"),
            Examples.single("q3", "How many red cubes are there?"), // same text as q1: same program
            Examples.pair("p1", "Both images contain a cube."));

    private ProgramSource open(FakeChatServer server, Path cache) throws Exception {
        LlmOptions o = LlmOptions.defaults()
                .withEndpoint(server.baseUrl(), "fake-model")
                .withCache(cache)
                .withReliability(Duration.ofMillis(500), 0, 2)
                .withReasks(1);
        ClientConfig c = o.clientConfig();
        return ProgramSources.llm(
                o,
                new RetryingChatClient(new OpenAiChatClient(c, k -> null), c),
                LlmProgramSourceTest.CHECKER,
                "gqa-sim");
    }

    /** Valid programs for single questions, prose (invalid) for pairs so the pair falls back. */
    private static Response reply(int i, com.fasterxml.jackson.databind.JsonNode req) {
        String user = FakeChatServer.lastUserMessage(req);
        return Response.ok(
                user.contains("Statement:") || user.contains("statement") ? "No idea." : LlmProgramSourceTest.VALID);
    }

    @Test
    void secondRunMakesNoLlmCalls() throws Exception {
        Path cache = dir.resolve("programs.jsonl");
        List<String> first = new ArrayList<>();
        Map<String, Long> firstStats;
        try (FakeChatServer server = FakeChatServer.start(0, CachedProgramSourceTest::reply);
                ProgramSource source = open(server, cache)) {
            for (Example e : QUESTIONS) first.add(source.programFor(e));
            firstStats = ProgramSources.stats(source);
            assertEquals(1 + 1 + 2, server.requestCount(), "q3 repeats q1; the pair is asked and re-asked once");
        }
        assertEquals(3L, firstStats.get("cache_misses"));
        assertEquals(1L, firstStats.get("cache_hits"));
        assertEquals(0.25, ProgramSources.cacheHitRate(firstStats));
        assertTrue(Double.isNaN(ProgramSources.cacheHitRate(Map.of())));
        assertEquals(1L, firstStats.get("llm_fallbacks"));
        assertEquals(4L, firstStats.get("llm_calls"));

        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.error(500, "must not be called"));
                ProgramSource source = open(server, cache)) {
            List<String> second = new ArrayList<>();
            for (Example e : QUESTIONS) second.add(source.programFor(e));
            assertEquals(first, second);
            assertEquals(0, server.requestCount());
            Map<String, Long> s = ProgramSources.stats(source);
            assertEquals(4L, s.get("cache_hits"));
            assertEquals(0L, s.get("cache_misses"));
            assertEquals(0L, s.get("llm_calls"));
            assertEquals(1L, s.get("cache_fallbacks"));
            assertEquals(1.0, ProgramSources.cacheHitRate(s));
        }
    }

    @Test
    void concurrentSameQuestionAsksOnce() throws Exception {
        try (FakeChatServer server = FakeChatServer.start(
                        0, (i, req) -> Response.ok(LlmProgramSourceTest.VALID).delayed(100));
                ProgramSource source = open(server, dir.resolve("c.jsonl"))) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<String>> fs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Example e = Examples.single("q" + i, "How many red cubes are there?");
                fs.add(pool.submit(() -> source.programFor(e)));
            }
            for (Future<String> f : fs) assertEquals(LlmProgramSourceTest.VALID, f.get());
            pool.shutdown();
            assertEquals(1, server.requestCount());
            assertEquals(11L, ProgramSources.stats(source).get("cache_hits"));
        }
    }

    @Test
    void failuresAreNotCached() throws Exception {
        Path cache = dir.resolve("c.jsonl");
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.error(503, "down"));
                ProgramSource source = open(server, cache)) {
            assertThrows(ProgramSourceException.class, () -> source.programFor(QUESTIONS.get(0)));
        }
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.ok(LlmProgramSourceTest.VALID));
                ProgramSource source = open(server, cache)) {
            assertEquals(LlmProgramSourceTest.VALID, source.programFor(QUESTIONS.get(0)));
            assertEquals(1, server.requestCount());
            assertTrue(ProgramSources.stats(source).get("cache_misses") == 1L);
        }
    }

    @Test
    void cachedProgramThatNoLongerValidatesIsRegenerated() throws Exception {
        Path cache = dir.resolve("c.jsonl");
        Example q = QUESTIONS.get(0);
        CacheKey key = new CacheKey("visprog-single-v1", "fake-model", q.question(), false);
        // an entry as an older sdvp with another module set might have written it
        try (ProgramCache c = ProgramCache.open(cache)) {
            c.put(CacheEntry.of(key, "A=OLDMODULE(x=1)", false));
        }
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.ok(LlmProgramSourceTest.VALID));
                ProgramSource source = open(server, cache)) {
            assertEquals(LlmProgramSourceTest.VALID, source.programFor(q));
            assertEquals(1, server.requestCount());
            assertEquals(1L, ProgramSources.stats(source).get("cache_invalid"));
        }
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.error(500, "no"));
                ProgramSource source = open(server, cache)) {
            assertEquals(LlmProgramSourceTest.VALID, source.programFor(q));
            assertEquals(0, server.requestCount());
            assertEquals(0L, ProgramSources.stats(source).get("cache_invalid"));
        }
    }
}
