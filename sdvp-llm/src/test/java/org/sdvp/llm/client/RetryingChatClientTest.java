package org.sdvp.llm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sdvp.llm.fake.FakeChatServer;
import org.sdvp.llm.fake.FakeChatServer.Response;

class RetryingChatClientTest {
    private static final List<ChatMessage> HELLO = List.of(ChatMessage.user("hi"));

    private static ClientConfig config(FakeChatServer server, int retries, int concurrency) {
        ClientConfig base = ClientConfig.defaults(server.baseUrl(), "m")
                .withTimeout(Duration.ofMillis(400))
                .withRetries(retries, Duration.ofMillis(10), Duration.ofMillis(40));
        return new ClientConfig(
                base.baseUrl(),
                base.model(),
                base.apiKeyEnv(),
                0,
                64,
                base.timeout(),
                retries,
                concurrency,
                base.initialBackoff(),
                base.maxBackoff(),
                7L);
    }

    private static RetryingChatClient client(FakeChatServer server, int retries, List<Duration> waits) {
        ClientConfig c = config(server, retries, 4);
        return new RetryingChatClient(new OpenAiChatClient(c, k -> null), c, waits::add);
    }

    @Test
    void rateLimitThenSuccessRetriesWithBackoff() throws Exception {
        try (FakeChatServer server =
                FakeChatServer.start(0, (i, req) -> i < 2 ? Response.error(429, "slow down") : Response.ok("done"))) {
            List<Duration> waits = new ArrayList<>();
            RetryingChatClient client = client(server, 3, waits);
            assertEquals("done", client.complete(HELLO).text());
            assertEquals(3, server.requestCount());
            assertEquals(2, client.retries());
            assertEquals(2, waits.size());
            // equal jitter: retry n waits within [d/2, d] with d = min(40, 10 * 2^n)
            assertTrue(waits.get(0).toMillis() >= 5 && waits.get(0).toMillis() <= 10, waits.toString());
            assertTrue(waits.get(1).toMillis() >= 10 && waits.get(1).toMillis() <= 20, waits.toString());
        }
    }

    @Test
    void serverErrorsExhaustRetries() throws Exception {
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.error(503, "busy"))) {
            LlmException e = assertThrows(
                    LlmException.class,
                    () -> client(server, 2, new ArrayList<>()).complete(HELLO));
            assertEquals(LlmException.Kind.SERVER, e.kind());
            assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
            assertEquals(3, server.requestCount());
        }
    }

    @Test
    void timeoutIsRetriedThenSucceeds() throws Exception {
        try (FakeChatServer server =
                FakeChatServer.start(0, (i, req) -> i == 0 ? Response.ok("late").delayed(2000) : Response.ok("fast"))) {
            assertEquals(
                    "fast", client(server, 1, new ArrayList<>()).complete(HELLO).text());
            assertEquals(2, server.requestCount());
        }
    }

    @Test
    void wrongKeyIsNotRetried() throws Exception {
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> Response.error(401, "bad key"))) {
            LlmException e = assertThrows(
                    LlmException.class,
                    () -> client(server, 5, new ArrayList<>()).complete(HELLO));
            assertEquals(LlmException.Kind.AUTHENTICATION, e.kind());
            assertEquals(1, server.requestCount());
        }
    }

    @Test
    void backoffIsCappedAndRepeatableForASeed() {
        Backoff a = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), 42);
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), 42);
        for (int n = 0; n < 20; n++) {
            Duration da = a.delay(n);
            assertEquals(da, b.delay(n));
            assertTrue(
                    da.toMillis() <= 1000 && da.toMillis() >= Math.min(1000, 100L << Math.min(n, 10)) / 2,
                    n + ": " + da);
        }
    }

    @Test
    void concurrencyIsBounded() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        try (FakeChatServer server = FakeChatServer.start(0, (i, req) -> {
            int now = inFlight.incrementAndGet();
            maxSeen.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return Response.ok("x");
        })) {
            ClientConfig c = config(server, 0, 2);
            RetryingChatClient client = new RetryingChatClient(new OpenAiChatClient(c, k -> null), c);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<ChatReply>> fs = new ArrayList<>();
            for (int i = 0; i < 16; i++) fs.add(pool.submit(() -> client.complete(HELLO)));
            for (Future<ChatReply> f : fs)
                assertEquals("x", f.get(10, TimeUnit.SECONDS).text());
            pool.shutdown();
            assertEquals(16, server.requestCount());
            assertTrue(maxSeen.get() <= 2, "max in flight " + maxSeen.get());
        }
    }
}
