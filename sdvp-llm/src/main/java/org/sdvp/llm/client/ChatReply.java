package org.sdvp.llm.client;

import java.util.Objects;

/**
 * The assistant's answer to one chat request.
 *
 * @param text             the message content (may contain prose and code fences around the program)
 * @param promptTokens     from the reply's {@code usage} field; 0 when the server does not report it
 * @param completionTokens from the reply's {@code usage} field; 0 when the server does not report it
 */
public record ChatReply(String text, long promptTokens, long completionTokens) {
    public ChatReply {
        Objects.requireNonNull(text, "text");
    }
}
