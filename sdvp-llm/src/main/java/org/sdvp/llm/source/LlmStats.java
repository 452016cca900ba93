package org.sdvp.llm.source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one LLM program source, for the eval results. Thread-safe (adders).
 */
public final class LlmStats {
    final LongAdder questions = new LongAdder();
    final LongAdder calls = new LongAdder();
    final LongAdder promptTokens = new LongAdder();
    final LongAdder completionTokens = new LongAdder();
    final LongAdder reasks = new LongAdder();
    final LongAdder fallbacks = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder invalidSamples = new LongAdder();

    /** Questions that asked the LLM (cache misses). */
    public long questions() {
        return questions.sum();
    }

    /** Chat requests answered (retries of a failed HTTP attempt are not counted here). */
    public long calls() {
        return calls.sum();
    }

    public long promptTokens() {
        return promptTokens.sum();
    }

    public long completionTokens() {
        return completionTokens.sum();
    }

    /** Requests made because the previous program was invalid. */
    public long reasks() {
        return reasks.sum();
    }

    /** Questions that got the fallback program. */
    public long fallbacks() {
        return fallbacks.sum();
    }

    /** Questions with no program because the LLM could not be reached or refused. */
    public long errors() {
        return errors.sum();
    }

    /** Sampled programs ({@code --samples K}) that failed the check and were dropped. */
    public long invalidSamples() {
        return invalidSamples.sum();
    }

    /** Keys are prefixed {@code llm_} so they merge with other counters in a results file. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("llm_questions", questions());
        m.put("llm_calls", calls());
        m.put("llm_prompt_tokens", promptTokens());
        m.put("llm_completion_tokens", completionTokens());
        m.put("llm_reasks", reasks());
        m.put("llm_fallbacks", fallbacks());
        m.put("llm_errors", errors());
        m.put("llm_invalid_samples", invalidSamples());
        return m;
    }
}
