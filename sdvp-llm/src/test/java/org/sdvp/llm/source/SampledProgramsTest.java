package org.sdvp.llm.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.module.steps.StandardModules;
import org.sdvp.core.source.ProgramSamples;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.llm.cache.CacheKey;
import org.sdvp.llm.cache.ProgramCache;
import org.sdvp.llm.client.ClientConfig;
import org.sdvp.llm.client.OpenAiChatClient;
import org.sdvp.llm.client.RetryingChatClient;
import org.sdvp.llm.fake.FakeChatServer;
import org.sdvp.llm.fake.FakeChatServer.Response;
import org.sdvp.llm.query.CachedLlmQuery;

/** {@code --samples K} in the LLM source: K requests, invalid ones dropped (not re-asked), all cached. */
class SampledProgramsTest {
    @TempDir
    Path dir;

    static final String A = LlmProgramSourceTest.VALID;
    static final String B =
            "BOX0=LOC(image=IMAGE,object='cube')\nANSWER0=COUNT(box=BOX0)\nFINAL_RESULT=RESULT(var=ANSWER0)";

    private static RetryingChatClient client(FakeChatServer server) {
        ClientConfig c = new ClientConfig(
                server.baseUrl(),
                "fake-model",
                "SDVP_TEST_KEY",
                0.7,
                256,
                Duration.ofSeconds(30),
                1,
                2,
                Duration.ofMillis(5),
                Duration.ofMillis(20),
                1L);
        return new RetryingChatClient(new OpenAiChatClient(c, k -> null), c);
    }

    private ProgramSource source(FakeChatServer server, Path cache) throws Exception {
        LlmOptions o = LlmOptions.defaults()
                .withEndpoint(server.baseUrl(), "fake-model")
                .withCache(cache);
        return ProgramSources.llm(o, client(server), ProgramChecker.visprog(StandardModules.registry()), "gqa-sim");
    }

    @Test
    void invalidSamplesAreDroppedAndASecondRunAsksNothing() throws Exception {
        List<String> replies = List.of(A, LlmProgramSourceTest.INVALID, B, A, LlmProgramSourceTest.INVALID);
        Path cache = dir.resolve("c.jsonl");
        var question = Examples.single("q1", "How many red cubes are there?");
        try (FakeChatServer server = FakeChatServer.start(0, (i, r) -> Response.ok(replies.get(i % replies.size())))) {
            try (ProgramSource s = source(server, cache)) {
                ProgramSamples p = s.samplesFor(question, 5);
                assertEquals(5, p.asked());
                assertEquals(List.of(A, B, A), p.valid());
                assertEquals(5, server.requestCount(), "one request per sample, no re-ask");
                assertEquals(2L, s.stats().get("llm_invalid_samples"));
            }
            try (ProgramSource s = source(server, cache)) {
                assertEquals(List.of(A, B, A), s.samplesFor(question, 5).valid());
                assertEquals(5, server.requestCount(), "every sample, the invalid ones too, came from the cache");
                assertEquals(5L, s.stats().get("cache_hits"));
            }
        }
    }

    @Test
    void noValidSampleGivesTheFallback() throws Exception {
        try (FakeChatServer server = FakeChatServer.start(0, (i, r) -> Response.ok(LlmProgramSourceTest.INVALID));
                ProgramSource s = source(server, null)) {
            ProgramSamples p = s.samplesFor(Examples.single("q1", "Is it red?"), 3);
            assertEquals(List.of(), p.valid());
            assertEquals(
                    FallbackPrograms.programFor(Examples.single("q1", "Is it red?")),
                    p.fallback().orElseThrow());
        }
    }

    @Test
    void aSingleProgramKeepsItsOldCacheKeyAndSamplesGetTheirOwn() {
        CacheKey single = new CacheKey("visprog-single-v1", "m", "q", false);
        assertEquals(new CacheKey("visprog-single-v1", "m", "q", false, CacheKey.SINGLE).hash(), single.hash());
        assertNotEquals(single.hash(), single.sample(0).hash());
        assertNotEquals(single.sample(0).hash(), single.sample(1).hash());
    }

    @Test
    void llmQueryIsAnsweredThroughTheEndpointAndCached() throws Exception {
        Path cache = dir.resolve("q.jsonl");
        try (FakeChatServer server = FakeChatServer.start(0, (i, r) -> Response.ok(" Paris \n"))) {
            try (CachedLlmQuery q = new CachedLlmQuery(client(server), ProgramCache.open(cache))) {
                assertEquals("Paris", q.answer("What is the capital of France?"));
                assertEquals("Paris", q.answer("What is the capital of France?"));
                assertEquals(1, server.requestCount());
                assertTrue(FakeChatServer.lastUserMessage(server.requests().get(0))
                        .equals("What is the capital of France?"));
            }
            try (CachedLlmQuery q = new CachedLlmQuery(client(server), ProgramCache.open(cache))) {
                assertEquals("Paris", q.answer("What is the capital of France?"));
                assertEquals(1, server.requestCount(), "answered from the cache file");
                assertEquals(1L, q.stats().get("llm_query_cache_hits"));
            }
        }
        assertEquals(
                Path.of("runs/llm-programs.llm-query.jsonl"),
                CachedLlmQuery.cacheFileFor(Path.of("runs/llm-programs.jsonl")));
    }
}
