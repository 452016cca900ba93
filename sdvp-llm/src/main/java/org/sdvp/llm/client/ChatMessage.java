package org.sdvp.llm.client;

import java.util.Objects;

/**
 * One chat message in the OpenAI chat-completions sense.
 *
 * @param role    who speaks
 * @param content the text
 */
public record ChatMessage(Role role, String content) {
    /** The three roles this project uses (no tools, no images). */
    public enum Role {
        SYSTEM,
        USER,
        ASSISTANT
    }

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static ChatMessage system(String text) {
        return new ChatMessage(Role.SYSTEM, text);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage(Role.USER, text);
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage(Role.ASSISTANT, text);
    }
}
