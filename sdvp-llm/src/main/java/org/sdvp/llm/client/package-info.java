/**
 * A chat-completions client for any OpenAI-compatible endpoint (hosted APIs, Ollama, vLLM, llama.cpp
 * server). {@link org.sdvp.llm.client.OpenAiChatClient} makes one HTTP attempt per call over LangChain4j and
 * classifies failures ({@link org.sdvp.llm.client.LlmException.Kind}); {@link
 * org.sdvp.llm.client.RetryingChatClient} adds the retry, backoff and concurrency policy. Both are
 * thread-safe.
 */
package org.sdvp.llm.client;
