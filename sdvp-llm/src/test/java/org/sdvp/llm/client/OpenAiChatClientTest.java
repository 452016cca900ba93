package org.sdvp.llm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdvp.llm.fake.FakeChatServer;
import org.sdvp.llm.fake.FakeChatServer.Response;

/** One HTTP attempt per call against a real HTTP server on 127.0.0.1; failures are classified. */
class OpenAiChatClientTest {
    private static final List<ChatMessage> HELLO = List.of(ChatMessage.system("be brief"), ChatMessage.user("hi"));

    private static OpenAiChatClient client(FakeChatServer server, Map<String, String> env) {
        ClientConfig c = ClientConfig.defaults(server.baseUrl(), "test-model")
                .withTimeout(Duration.ofMillis(500))
                .withApiKeyEnv("SDVP_TEST_KEY");
        return new OpenAiChatClient(c, env::get);
    }

    @Test
    void validReplyGivesContentAndUsage() throws Exception {
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.ok("ANSWER0=1"))) {
            ChatReply reply = client(server, Map.of("SDVP_TEST_KEY", "k")).complete(HELLO);
            assertEquals("ANSWER0=1", reply.text());
            assertEquals(100, reply.promptTokens());
            assertEquals(20, reply.completionTokens());
            var req = server.requests().get(0);
            assertEquals("test-model", req.path("model").asText());
            assertEquals("system", req.path("messages").get(0).path("role").asText());
            assertEquals("hi", FakeChatServer.lastUserMessage(req));
        }
    }

    @Test
    void unauthorizedNamesTheEnvironmentVariable() throws Exception {
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.error(401, "Incorrect API key"))) {
            LlmException e = assertThrows(
                    LlmException.class, () -> client(server, Map.of()).complete(HELLO));
            assertEquals(LlmException.Kind.AUTHENTICATION, e.kind());
            assertEquals(401, e.status());
            assertTrue(e.getMessage().contains("SDVP_TEST_KEY is not set"), e.getMessage());
            LlmException e2 = assertThrows(
                    LlmException.class,
                    () -> client(server, Map.of("SDVP_TEST_KEY", "bad")).complete(HELLO));
            assertTrue(
                    e2.getMessage().contains("key in environment variable SDVP_TEST_KEY was rejected"),
                    e2.getMessage());
        }
    }

    @Test
    void notFoundNamesModelAndUrl() throws Exception {
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.error(404, "model not found"))) {
            LlmException e = assertThrows(
                    LlmException.class, () -> client(server, Map.of()).complete(HELLO));
            assertEquals(LlmException.Kind.NOT_FOUND, e.kind());
            assertTrue(
                    e.getMessage().contains("'test-model'") && e.getMessage().contains(server.baseUrl()),
                    e.getMessage());
        }
    }

    @Test
    void statusCodesAreClassified() throws Exception {
        int[] codes = {429, 500, 503, 400};
        LlmException.Kind[] kinds = {
            LlmException.Kind.RATE_LIMITED,
            LlmException.Kind.SERVER,
            LlmException.Kind.SERVER,
            LlmException.Kind.BAD_REQUEST
        };
        for (int k = 0; k < codes.length; k++) {
            int code = codes[k];
            try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.error(code, "nope"))) {
                LlmException e = assertThrows(
                        LlmException.class, () -> client(server, Map.of()).complete(HELLO));
                assertEquals(kinds[k], e.kind(), "status " + code);
                assertEquals(code, e.status());
            }
        }
    }

    @Test
    void malformedBodyIsReported() throws Exception {
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.raw("<html>oops"))) {
            LlmException e = assertThrows(
                    LlmException.class, () -> client(server, Map.of()).complete(HELLO));
            assertEquals(LlmException.Kind.MALFORMED, e.kind(), e.getMessage());
        }
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.raw("{\"choices\":[]}"))) {
            LlmException e = assertThrows(
                    LlmException.class, () -> client(server, Map.of()).complete(HELLO));
            assertEquals(LlmException.Kind.MALFORMED, e.kind(), e.getMessage());
        }
    }

    @Test
    void slowServerTimesOut() throws Exception {
        try (FakeChatServer server =
                FakeChatServer.start(0, (i, req) -> Response.ok("late").delayed(3000))) {
            long t0 = System.nanoTime();
            LlmException e = assertThrows(
                    LlmException.class, () -> client(server, Map.of()).complete(HELLO));
            assertEquals(LlmException.Kind.TIMEOUT, e.kind(), e.getMessage());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 2500, "timed out late");
        }
    }

    @Test
    void closedPortIsAConnectionError() throws Exception {
        int port;
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.ok("x"))) {
            port = server.port();
        }
        ClientConfig c =
                ClientConfig.defaults("http://127.0.0.1:" + port + "/v1", "m").withTimeout(Duration.ofMillis(500));
        LlmException e = assertThrows(LlmException.class, () -> new OpenAiChatClient(c, k -> null).complete(HELLO));
        assertEquals(LlmException.Kind.CONNECTION, e.kind(), e.getMessage());
    }
}
