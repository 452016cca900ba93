package org.sdvp.viper.api;

/**
 * Answers ViperGPT's {@code llm_query(question)}: a text-only question to a language model (e.g. "What
 * is the capital of the country this flag belongs to?"). Plug in a chat client from sdvp-llm; without one,
 * {@code llm_query} raises "not configured". Implementations must be thread-safe: programs call it
 * concurrently.
 */
@FunctionalInterface
public interface LlmQuery {
    /** @throws Exception when the model cannot answer; the program's run then fails at that call */
    String answer(String question) throws Exception;
}
