package org.sdvp.llm.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.llm.client.ChatClient;
import org.sdvp.llm.client.ChatMessage;
import org.sdvp.llm.client.ChatReply;
import org.sdvp.llm.client.LlmException;

class LlmListerTest {
    @TempDir
    Path dir;

    /** Answers with a fixed text and records the prompts it was sent. */
    static final class Scripted implements ChatClient {
        final List<String> prompts = new ArrayList<>();
        private final String reply;

        Scripted(String reply) {
            this.reply = reply;
        }

        @Override
        public ChatReply complete(List<ChatMessage> messages) {
            prompts.add(messages.get(messages.size() - 1).content());
            return new ChatReply(reply, 0, 0);
        }

        @Override
        public String model() {
            return "scripted";
        }
    }

    @Test
    void asksWithVisProgsPromptSplitsTheReplyAndCachesAcrossRuns() throws Exception {
        Scripted llm =
                new Scripted(" George Washington, Abraham Lincoln, , Abraham Lincoln, Barack Obama\nQuery: more");
        Path cache = dir.resolve("lists.jsonl");
        LlmLister lister = new LlmLister(llm, cache);
        assertEquals(List.of("George Washington", "Abraham Lincoln"), lister.list("presidents of the US", 2));
        assertTrue(
                llm.prompts.get(0).endsWith("Query: List at most 2 presidents of the US separated by commas\nList:"),
                llm.prompts.get(0));
        lister.list("presidents of the US", 2);
        assertEquals(1, llm.prompts.size(), "asked once");
        Scripted other = new Scripted("never asked");
        assertEquals(
                List.of("George Washington", "Abraham Lincoln"),
                new LlmLister(other, cache).list("presidents of the US", 2));
        assertTrue(other.prompts.isEmpty(), "the cache file answers the next run");
    }

    @Test
    void anEmptyReplyOrAFailingEndpointIsAClearError() throws Exception {
        assertThrows(ModelServiceException.class, () -> new LlmLister(new Scripted(" , "), null).list("colors", 3));
        ChatClient down = new ChatClient() {
            @Override
            public ChatReply complete(List<ChatMessage> m) throws LlmException {
                throw new LlmException(LlmException.Kind.CONNECTION, 0, "connection refused", null);
            }

            @Override
            public String model() {
                return "down";
            }
        };
        ModelServiceException e =
                assertThrows(ModelServiceException.class, () -> new LlmLister(down, null).list("colors", 3));
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
    }
}
