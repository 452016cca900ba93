package org.sdvp.llm.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible chat-completions endpoint and how hard to try.
 *
 * @param baseUrl        up to and including the API version, e.g. {@code https://api.openai.com/v1} or
 *                       {@code http://127.0.0.1:11434/v1} (Ollama); {@code /chat/completions} is appended
 * @param model          the model name the server knows
 * @param apiKeyEnv      name of the environment variable holding the key (the key itself is never
 *                       stored in configs or reports); local servers usually need none
 * @param temperature    sampling temperature; 0 makes generation as repeatable as the server allows
 * @param maxTokens      completion token limit per request
 * @param timeout        per-request timeout (connect and read)
 * @param retries        extra attempts after a retryable failure (429, 5xx, timeout, connection)
 * @param concurrency    at most this many requests in flight at once
 * @param initialBackoff wait before the first retry; doubles each retry
 * @param maxBackoff     cap on the wait between retries
 * @param seed           seeds the backoff jitter, so test runs are repeatable
 */
public record ClientConfig(
        String baseUrl,
        String model,
        String apiKeyEnv,
        double temperature,
        int maxTokens,
        Duration timeout,
        int retries,
        int concurrency,
        Duration initialBackoff,
        Duration maxBackoff,
        long seed) {
    public static final String DEFAULT_KEY_ENV = "OPENAI_API_KEY";

    public ClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (baseUrl.isBlank()) throw new IllegalArgumentException("the LLM base URL is empty");
        if (model.isBlank()) throw new IllegalArgumentException("the LLM model name is empty");
        if (temperature < 0 || temperature > 2)
            throw new IllegalArgumentException("temperature must be in [0, 2]: " + temperature);
        if (maxTokens < 1) throw new IllegalArgumentException("max tokens must be >= 1: " + maxTokens);
        if (timeout.isZero() || timeout.isNegative())
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        if (retries < 0) throw new IllegalArgumentException("retries must be >= 0: " + retries);
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1: " + concurrency);
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "need 0 <= initial backoff <= max backoff: " + initialBackoff + ", " + maxBackoff);
        }
    }

    /** Sensible values for a hosted API: temperature 0, 512 tokens, 60 s timeout, 4 retries, 4 in flight. */
    public static ClientConfig defaults(String baseUrl, String model) {
        return new ClientConfig(
                baseUrl,
                model,
                DEFAULT_KEY_ENV,
                0.0,
                512,
                Duration.ofSeconds(60),
                4,
                4,
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                0L);
    }

    public ClientConfig withTimeout(Duration t) {
        return new ClientConfig(
                baseUrl,
                model,
                apiKeyEnv,
                temperature,
                maxTokens,
                t,
                retries,
                concurrency,
                initialBackoff,
                maxBackoff,
                seed);
    }

    public ClientConfig withRetries(int r, Duration initial, Duration max) {
        return new ClientConfig(
                baseUrl, model, apiKeyEnv, temperature, maxTokens, timeout, r, concurrency, initial, max, seed);
    }

    public ClientConfig withApiKeyEnv(String env) {
        return new ClientConfig(
                baseUrl,
                model,
                env,
                temperature,
                maxTokens,
                timeout,
                retries,
                concurrency,
                initialBackoff,
                maxBackoff,
                seed);
    }
}
