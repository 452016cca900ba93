package org.sdvp.llm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdvp.llm.client.FaultServer.Fault;
import org.sdvp.llm.client.FaultServer.Reply;
import org.sdvp.llm.client.FaultServer.Silence;
import org.sdvp.llm.client.FaultServer.Trickle;
import org.sdvp.llm.client.FaultServer.Truncated;
import org.sdvp.llm.fake.FakeChatServer;

/**
 * The whole client (policy + transport) against an endpoint that fails in each way a real one does, with a
 * 500 ms timeout and 2 retries: bounded attempts, counted retries, and never a wait beyond the timeout per
 * attempt. docs/reliability.md has the table these cases make.
 */
class EndpointFaultsTest {
    private static final List<ChatMessage> HELLO = List.of(ChatMessage.user("hi"));
    private static final long TIMEOUT = 500;
    private static final String OK =
            FakeChatServer.Response.ok("FINAL_RESULT=RESULT(var=1)").body();

    private record Run(RetryingChatClient client, int requests, long millis) {}

    private static RetryingChatClient client(String baseUrl, Duration maxBackoff) {
        ClientConfig c = new ClientConfig(
                baseUrl,
                "m",
                "SDVP_TEST_NO_KEY",
                0,
                64,
                Duration.ofMillis(TIMEOUT),
                2,
                4,
                Duration.ofMillis(20),
                maxBackoff,
                7L);
        return new RetryingChatClient(new OpenAiChatClient(c, k -> null), c);
    }

    /** Runs one request against {@code script}; returns the client (for its retry count) and the time. */
    private static Run against(
            java.util.function.IntFunction<Fault> script,
            Duration maxBackoff,
            java.util.function.Consumer<RetryingChatClient> request)
            throws Exception {
        try (FaultServer server = new FaultServer(script)) {
            RetryingChatClient client = client(server.baseUrl(), maxBackoff);
            long t0 = System.nanoTime();
            request.accept(client);
            return new Run(client, server.requests(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** One row of docs/reliability.md's fault table (scripts/chaos.sh collects the FAULT| lines). */
    private static void report(String fault, Run r, String outcome) {
        System.out.printf(
                "FAULT| %s | %d | %d | %s | %d ms |%n",
                fault, r.requests(), r.client().retries(), outcome, r.millis());
    }

    private static LlmException fails(RetryingChatClient c) {
        return assertThrows(LlmException.class, () -> c.complete(HELLO));
    }

    private static void answers(RetryingChatClient c) {
        try {
            assertEquals("FINAL_RESULT=RESULT(var=1)", c.complete(HELLO).text());
        } catch (LlmException e) {
            throw new AssertionError(e);
        }
    }

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() throws Exception {
        // the first request of a JVM loads the HTTP stack, which on a busy machine can take longer than a timeout
        against(i -> new Reply(200, "", OK), Duration.ofMillis(50), c -> {
            try {
                c.complete(HELLO);
            } catch (LlmException ignored) {
                // warm-up only
            }
        });
    }

    @Test
    void connectionRefusedIsRetriedThenReported() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RetryingChatClient c = client("http://127.0.0.1:" + port + "/v1", Duration.ofMillis(50));
        long t0 = System.nanoTime();
        assertEquals(LlmException.Kind.CONNECTION, fails(c).kind());
        assertEquals(2, c.retries());
        report(
                "connection refused",
                new Run(c, 3, (System.nanoTime() - t0) / 1_000_000),
                "CONNECTION error, question fails");
    }

    @Test
    void aSilentServerCostsAtMostTheTimeoutPerAttempt() throws Exception {
        LlmException[] e = new LlmException[1];
        Run r = against(i -> new Silence(), Duration.ofMillis(50), c -> e[0] = fails(c));
        report("no reply (silent server)", r, "TIMEOUT, question fails");
        assertEquals(LlmException.Kind.TIMEOUT, e[0].kind());
        assertEquals(3, r.requests());
        assertTrue(r.millis() < 3 * TIMEOUT + 2 * 50 + 1000, r.millis() + " ms");
    }

    @Test
    void aTrickledBodyIsCutOffAtTheDeadlineNotWaitedFor() throws Exception {
        LlmException[] e = new LlmException[1];
        // 50 ms a byte: the body would take ~15 s; each attempt must end at 500 ms
        Run r = against(i -> new Trickle(OK, 50), Duration.ofMillis(50), c -> e[0] = fails(c));
        report("body trickled at 20 B/s", r, "TIMEOUT at the deadline, question fails");
        assertEquals(LlmException.Kind.TIMEOUT, e[0].kind());
        assertEquals(3, r.requests());
        assertTrue(r.millis() < 3 * TIMEOUT + 2 * 50 + 1000, r.millis() + " ms");
    }

    @Test
    void aTruncatedBodyIsAConnectionFailureAndRetried() throws Exception {
        Run r = against(
                i -> i == 0 ? new Truncated(OK, 40) : new Reply(200, "", OK),
                Duration.ofMillis(50),
                EndpointFaultsTest::answers);
        report("body truncated (40 of 265 bytes), then OK", r, "retried, answered");
        assertEquals(2, r.requests());
        assertEquals(1, r.client().retries());
    }

    @Test
    void retryAfterIsHonouredUpToTheBackoffCap() throws Exception {
        // 429 asking for 1 s: the wait is 1 s, not the backoff's 10-20 ms
        Run r = against(
                i -> i == 0
                        ? new Reply(429, "Retry-After: 1\r\n", "{\"error\":{\"message\":\"slow\"}}")
                        : new Reply(200, "", OK),
                Duration.ofMillis(1500),
                EndpointFaultsTest::answers);
        report("429 with Retry-After: 1, then OK", r, "waited 1 s, answered");
        assertEquals(1, r.client().retries());
        assertTrue(r.millis() >= 1000 && r.millis() < 1000 + 2 * TIMEOUT + 1000, r.millis() + " ms");
        // 503 asking for an hour: capped at the 200 ms maximum backoff
        Run capped = against(
                i -> i == 0 ? new Reply(503, "Retry-After: 3600\r\n", "{}") : new Reply(200, "", OK),
                Duration.ofMillis(200),
                EndpointFaultsTest::answers);
        report("503 with Retry-After: 3600, then OK", capped, "waited the 200 ms cap, answered");
        assertTrue(capped.millis() < 200 + 2 * TIMEOUT + 1000, capped.millis() + " ms");
    }

    @Test
    void serverErrorsExhaustTheBoundedRetries() throws Exception {
        LlmException[] e = new LlmException[1];
        Run r = against(
                i -> new Reply(500, "Retry-After: 0\r\n", "{\"error\":{\"message\":\"boom\"}}"),
                Duration.ofMillis(50),
                c -> e[0] = fails(c));
        report("500 on every attempt", r, "SERVER error after 3 attempts, question fails");
        assertEquals(LlmException.Kind.SERVER, e[0].kind());
        assertEquals(3, r.requests());
        assertTrue(e[0].getMessage().contains("gave up after 3 attempts"), e[0].getMessage());
    }

    @Test
    void aMalformedBodyIsNotRetried() throws Exception {
        LlmException[] e = new LlmException[1];
        Run r = against(
                i -> new Reply(200, "", "{\"choices\": [ this is not json"),
                Duration.ofMillis(50),
                c -> e[0] = fails(c));
        report("malformed JSON body (HTTP 200)", r, "MALFORMED, not retried, question fails");
        assertEquals(LlmException.Kind.MALFORMED, e[0].kind());
        assertEquals(1, r.requests());
    }
}
