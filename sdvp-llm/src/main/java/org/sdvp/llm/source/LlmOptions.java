package org.sdvp.llm.source;

import java.nio.file.Path;
import java.time.Duration;
import org.sdvp.llm.client.ClientConfig;

/**
 * Everything {@code --programs llm} can be told, independent of any command-line library (the picocli mixin
 * in sdvp-cli fills one of these).
 *
 * @param baseUrl     the OpenAI-compatible endpoint, e.g. {@code http://127.0.0.1:11434/v1}; required for llm
 * @param model       the model name; required for llm
 * @param keyEnv      the environment variable holding the API key
 * @param temperature sampling temperature
 * @param maxTokens   completion token limit
 * @param timeout     per-request timeout
 * @param retries     retries of 429/5xx/timeouts/connection errors
 * @param concurrency requests in flight at once
 * @param cache       the program cache file, or null for none
 * @param reasks      re-asks after an invalid program before the fallback
 * @param prompts     {@code auto}, {@code world} or {@code real} (see {@link org.sdvp.llm.prompt.Prompts.Style})
 */
public record LlmOptions(
        String baseUrl,
        String model,
        String keyEnv,
        double temperature,
        int maxTokens,
        Duration timeout,
        int retries,
        int concurrency,
        Path cache,
        int reasks,
        String prompts) {

    public static LlmOptions defaults() {
        return new LlmOptions(
                null, null, ClientConfig.DEFAULT_KEY_ENV, 0.0, 512, Duration.ofSeconds(60), 4, 4, null, 2, "auto");
    }

    public LlmOptions withEndpoint(String url, String m) {
        return new LlmOptions(
                url, m, keyEnv, temperature, maxTokens, timeout, retries, concurrency, cache, reasks, prompts);
    }

    public LlmOptions withCache(Path file) {
        return new LlmOptions(
                baseUrl, model, keyEnv, temperature, maxTokens, timeout, retries, concurrency, file, reasks, prompts);
    }

    public LlmOptions withReliability(Duration t, int r, int c) {
        return new LlmOptions(baseUrl, model, keyEnv, temperature, maxTokens, t, r, c, cache, reasks, prompts);
    }

    public LlmOptions withReasks(int n) {
        return new LlmOptions(
                baseUrl, model, keyEnv, temperature, maxTokens, timeout, retries, concurrency, cache, n, prompts);
    }

    /**
     * The client configuration; backoff starts at 500 ms, doubles, and is capped at 30 s.
     *
     * @throws IllegalArgumentException naming the missing option
     */
    public ClientConfig clientConfig() {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("--programs llm needs --llm-base-url (e.g. https://api.openai.com/v1 "
                    + "or http://127.0.0.1:11434/v1 for Ollama)");
        }
        if (model == null || model.isBlank()) throw new IllegalArgumentException("--programs llm needs --llm-model");
        return new ClientConfig(
                baseUrl,
                model,
                keyEnv,
                temperature,
                maxTokens,
                timeout,
                retries,
                concurrency,
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                0L);
    }
}
