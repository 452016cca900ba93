package org.sdvp.llm.client;

import java.util.List;

/**
 * Sends one chat-completions request. Implementations are thread-safe.
 *
 * <p>The stock implementation is {@link OpenAiChatClient} (one HTTP attempt per call), usually wrapped in a
 * {@link RetryingChatClient} that adds retries, backoff and bounded concurrency.
 */
public interface ChatClient extends AutoCloseable {

    /** @throws LlmException with a {@link LlmException.Kind} saying whether a retry could help */
    ChatReply complete(List<ChatMessage> messages) throws LlmException;

    /** The model name, for reports and cache keys. */
    String model();

    @Override
    default void close() {}
}
