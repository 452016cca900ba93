package org.sdvp.llm.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.sdvp.core.io.DataException;
import org.sdvp.llm.cache.CacheEntry;
import org.sdvp.llm.cache.CacheKey;
import org.sdvp.llm.cache.ProgramCache;
import org.sdvp.llm.client.ChatClient;
import org.sdvp.llm.client.ChatMessage;
import org.sdvp.llm.client.ChatReply;
import org.sdvp.llm.client.LlmException;
import org.sdvp.llm.client.RetryingChatClient;
import org.sdvp.llm.source.LlmOptions;

/**
 * Answers ViperGPT's {@code llm_query(question)} through the configured chat endpoint, with a cache in the
 * program cache's format (key: {@link #PROMPT_VERSION}, model, question), so a second run asks nothing.
 * The CLI hands {@code this::answer} to the viper framework as its {@code LlmQuery}. Thread-safe.
 */
public final class CachedLlmQuery implements AutoCloseable {
    /** The version of the instruction below; part of every cache key. */
    public static final String PROMPT_VERSION = "llm-query-v1";

    private static final String INSTRUCTION = "Answer the question in a few words, with no explanation.";

    private final ChatClient client;
    private final ProgramCache cache;
    private final LongAdder calls = new LongAdder();
    private final LongAdder hits = new LongAdder();

    /** @param cache null for none */
    public CachedLlmQuery(ChatClient client, ProgramCache cache) {
        this.client = client;
        this.cache = cache;
    }

    /**
     * The endpoint and cache {@code --llm-*} name (the answers go to {@link #cacheFileFor} of the program
     * cache).
     *
     * @throws DataException when the cache cannot be read
     */
    public static CachedLlmQuery open(LlmOptions options) throws DataException {
        ChatClient client = RetryingChatClient.create(options.clientConfig());
        if (options.cache() == null) return new CachedLlmQuery(client, null);
        Path file = cacheFileFor(options.cache());
        try {
            return new CachedLlmQuery(client, ProgramCache.open(file));
        } catch (IOException e) {
            client.close();
            throw new DataException("cannot open the llm_query cache " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The answers' cache file beside the program cache: {@code llm-programs.jsonl} →
     * {@code llm-programs.llm-query.jsonl} (a file has one writer).
     */
    public static Path cacheFileFor(Path programCache) {
        String name = programCache.getFileName().toString();
        String stem = name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
        return programCache.resolveSibling(stem + ".llm-query.jsonl");
    }

    /** @throws LlmException when the endpoint cannot answer; the program's run fails at that call */
    public String answer(String question) throws LlmException {
        CacheKey key = new CacheKey(PROMPT_VERSION, client.model(), question, false);
        if (cache != null) {
            var hit = cache.get(key);
            if (hit.isPresent()) {
                hits.increment();
                return hit.get().program();
            }
        }
        ChatReply reply = client.complete(List.of(ChatMessage.system(INSTRUCTION), ChatMessage.user(question)));
        calls.increment();
        String answer = reply.text().strip();
        if (cache != null) {
            try {
                cache.put(CacheEntry.of(key, answer, false));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the llm_query cache " + cache.file(), e);
            }
        }
        return answer;
    }

    /** {@code llm_query_calls}, {@code llm_query_cache_hits}, for the results' program counters. */
    public Map<String, Long> stats() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("llm_query_calls", calls.sum());
        m.put("llm_query_cache_hits", hits.sum());
        return m;
    }

    @Override
    public void close() {
        try {
            if (cache != null) cache.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the llm_query cache " + cache.file(), e);
        } finally {
            client.close();
        }
    }
}
