package org.sdvp.llm.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sdvp.core.io.DataException;
import org.sdvp.core.source.DatasetPrograms;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.llm.cache.ProgramCache;
import org.sdvp.llm.client.ChatClient;
import org.sdvp.llm.client.ClientConfig;
import org.sdvp.llm.client.RetryingChatClient;
import org.sdvp.llm.prompt.Prompts;

/**
 * Builds the program source {@code --programs dataset|llm|FILE} names. The eval command calls:
 * <pre>{@code
 * try (ProgramSource programs = ProgramSources.create(option, llmMixin.options(), fw::check, task.name())) {
 *     ... new Evaluator(task, fw, programs, gateway, concurrency) ...
 *     provenance.putAll(ProgramSources.provenance(option, llmMixin.options(), task.name()));
 *     Map<String, Long> counters = ProgramSources.stats(programs);  // LLM calls, tokens, re-asks, cache hits
 * }
 * }</pre>
 */
public final class ProgramSources {
    private ProgramSources() {}

    /**
     * @param programs {@code dataset}, {@code llm}, or the path of a program file (JSON lines)
     * @param llm      LLM settings (used for {@code llm} only)
     * @param checker  validates generated programs, e.g. {@code framework::check} or
     *                 {@link ProgramChecker#visprog}
     * @param taskName chooses world or real-image prompts when {@code llm.prompts()} is {@code auto}
     * @throws DataException            when a program file or the cache cannot be read
     * @throws IllegalArgumentException when an option is missing or wrong (the message names it)
     */
    public static ProgramSource create(String programs, LlmOptions llm, ProgramChecker checker, String taskName)
            throws DataException {
        return create(programs, llm, checker, taskName, "visprog");
    }

    /**
     * As {@link #create(String, LlmOptions, ProgramChecker, String)} for a framework: {@code viper} asks for
     * ViperGPT Python programs (the {@code viper-*} prompts), any other for VisProg programs.
     */
    public static ProgramSource create(
            String programs, LlmOptions llm, ProgramChecker checker, String taskName, String framework)
            throws DataException {
        return switch (programs) {
            case "dataset" -> new DatasetPrograms();
            case "llm" -> llm(llm, RetryingChatClient.create(llm.clientConfig()), checker, taskName, framework);
            default -> {
                Path file = Path.of(programs);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException(
                            "--programs must be dataset, llm or a program file; no file " + file);
                }
                yield ProgramFileSource.open(file);
            }
        };
    }

    /** The LLM source over a given client (tests, or a caller with its own client), cached if configured. */
    public static ProgramSource llm(LlmOptions llm, ChatClient client, ProgramChecker checker, String taskName)
            throws DataException {
        return llm(llm, client, checker, taskName, "visprog");
    }

    /** The LLM source for a framework's programs over a given client, cached if configured. */
    public static ProgramSource llm(
            LlmOptions llm, ChatClient client, ProgramChecker checker, String taskName, String framework)
            throws DataException {
        Prompts.Style style = Prompts.Style.choose(llm.prompts(), taskName, framework);
        LlmProgramSource source = new LlmProgramSource(client, style, checker, llm.reasks());
        if (llm.cache() == null) return source;
        try {
            return new CachedProgramSource(source, ProgramCache.open(llm.cache()), checker);
        } catch (IOException e) {
            source.close();
            throw new DataException("cannot open the program cache " + llm.cache() + ": " + e.getMessage(), e);
        }
    }

    /** The counters of a source built here (LLM calls, tokens, re-asks, fallbacks, cache hits); empty for others. */
    public static Map<String, Long> stats(ProgramSource source) {
        return source instanceof StatsReporting s ? s.stats() : Map.of();
    }

    /**
     * The cache hit rate from {@link #stats}: hits / (hits + misses), or NaN when the source has no cache or
     * was not asked anything.
     */
    public static double cacheHitRate(Map<String, Long> stats) {
        long hits = stats.getOrDefault("cache_hits", 0L);
        long total = hits + stats.getOrDefault("cache_misses", 0L);
        return total == 0 ? Double.NaN : (double) hits / total;
    }

    /** What to record in the results' provenance so the programs can be regenerated (never the key). */
    public static Map<String, String> provenance(String programs, LlmOptions llm, String taskName) {
        return provenance(programs, llm, taskName, "visprog");
    }

    /** As {@link #provenance(String, LlmOptions, String)}, naming the framework's prompts. */
    public static Map<String, String> provenance(String programs, LlmOptions llm, String taskName, String framework) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("programs", programs);
        if (!programs.equals("llm")) return p;
        ClientConfig c = llm.clientConfig();
        Prompts.Style style = Prompts.Style.choose(llm.prompts(), taskName, framework);
        p.put("llm_base_url", c.baseUrl());
        p.put("llm_model", c.model());
        p.put("llm_prompts", style.version(false) + "," + style.version(true));
        p.put("llm_temperature", Double.toString(c.temperature()));
        p.put("llm_max_tokens", Integer.toString(c.maxTokens()));
        p.put("llm_reasks", Integer.toString(llm.reasks()));
        p.put(
                "llm_cache",
                llm.cache() == null ? "none" : llm.cache().toAbsolutePath().toString());
        return p;
    }
}
