package org.sdvp.cli.llm;

import java.nio.file.Path;
import java.time.Duration;
import org.sdvp.llm.source.LlmOptions;
import picocli.CommandLine.Option;

/**
 * The options of {@code --programs llm}, shared by every command that generates programs
 * ({@code @Mixin LlmMixin llm;} then {@code ProgramSources.create(programs, llm.options(), fw::check, task)}).
 * The API key is never an option: only the name of the environment variable that holds it.
 */
public final class LlmMixin {
    @Option(
            names = "--llm-base-url",
            paramLabel = "URL",
            description = "OpenAI-compatible endpoint, up to /v1: https://api.openai.com/v1, "
                    + "http://127.0.0.1:11434/v1 (Ollama), http://127.0.0.1:8000/v1 (vLLM), "
                    + "http://127.0.0.1:8080/v1 (llama.cpp server).")
    String baseUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "Model name as the server knows it.")
    String model;

    @Option(
            names = "--llm-key-env",
            defaultValue = "OPENAI_API_KEY",
            paramLabel = "VAR",
            description = "Environment variable holding the API key (unset is fine for local servers). "
                    + "Default: ${DEFAULT-VALUE}.")
    String keyEnv;

    @Option(
            names = "--llm-temperature",
            defaultValue = "0.0",
            paramLabel = "T",
            description = "Sampling temperature. Default: ${DEFAULT-VALUE}.")
    double temperature;

    @Option(
            names = "--llm-max-tokens",
            defaultValue = "512",
            paramLabel = "N",
            description = "Completion token limit per request. Default: ${DEFAULT-VALUE}.")
    int maxTokens;

    @Option(
            names = "--llm-timeout",
            defaultValue = "60",
            paramLabel = "SECONDS",
            description = "Per-request timeout. Default: ${DEFAULT-VALUE}.")
    double timeoutSeconds;

    @Option(
            names = "--llm-retries",
            defaultValue = "4",
            paramLabel = "N",
            description = "Retries on 429, 5xx, timeouts and connection errors (exponential backoff with jitter, "
                    + "capped at 30 s). Default: ${DEFAULT-VALUE}.")
    int retries;

    @Option(
            names = "--llm-concurrency",
            defaultValue = "4",
            paramLabel = "N",
            description = "LLM requests in flight at once. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(
            names = "--llm-cache",
            defaultValue = "llm-programs.jsonl",
            paramLabel = "FILE",
            description = "Generated programs, reused across runs (JSON lines; 'none' disables). "
                    + "Default: ${DEFAULT-VALUE}.")
    String cache;

    @Option(
            names = "--reasks",
            defaultValue = "2",
            paramLabel = "K",
            description = "Re-ask the LLM up to K times with the validator's messages before using the fallback "
                    + "program (VQA of the whole question). Default: ${DEFAULT-VALUE}.")
    int reasks;

    @Option(
            names = "--llm-prompts",
            defaultValue = "auto",
            paramLabel = "STYLE",
            description = "In-context examples: world (rendered-world vocabulary), real (photographs), or auto "
                    + "(world for *-sim tasks). Default: ${DEFAULT-VALUE}.")
    String prompts;

    /** The options as a plain record for {@code ProgramSources.create}. */
    public LlmOptions options() {
        Path cacheFile = cache == null || cache.isBlank() || cache.equals("none") ? null : Path.of(cache);
        return new LlmOptions(
                baseUrl,
                model,
                keyEnv,
                temperature,
                maxTokens,
                Duration.ofMillis(Math.round(timeoutSeconds * 1000)),
                retries,
                concurrency,
                cacheFile,
                reasks,
                prompts);
    }
}
