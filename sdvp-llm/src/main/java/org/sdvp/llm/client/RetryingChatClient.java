package org.sdvp.llm.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the reliability policy to any {@link ChatClient}: at most {@code concurrency} requests in flight
 * (a fair semaphore, so a local server is not swamped by the evaluator's threads), and up to
 * {@code retries} retries of retryable failures (429, 5xx, timeout, connection) with capped, jittered
 * exponential backoff, waiting longer when a {@code Retry-After} header asks for it (up to the cap). Non-retryable failures (wrong key, unknown model, malformed body) are thrown at once.
 * Thread-safe.
 */
public final class RetryingChatClient implements ChatClient {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingChatClient.class);

    /** Waits; tests substitute one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final ChatClient inner;
    private final int retries;
    private final Backoff backoff;
    private final Duration maxBackoff;
    private final Semaphore slots;
    private final Sleeper sleeper;
    private final AtomicLong retriesDone = new AtomicLong();

    public RetryingChatClient(ChatClient inner, ClientConfig config) {
        this(inner, config, d -> Thread.sleep(d.toMillis()));
    }

    public RetryingChatClient(ChatClient inner, ClientConfig config, Sleeper sleeper) {
        this.inner = inner;
        this.retries = config.retries();
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff(), config.seed());
        this.maxBackoff = config.maxBackoff();
        this.slots = new Semaphore(config.concurrency(), true);
        this.sleeper = sleeper;
    }

    /** A client for {@code config} with the full policy. */
    public static RetryingChatClient create(ClientConfig config) {
        return new RetryingChatClient(new OpenAiChatClient(config), config);
    }

    @Override
    public String model() {
        return inner.model();
    }

    /** Retries made so far (HTTP attempts beyond the first of each request). */
    public long retries() {
        return retriesDone.get();
    }

    @Override
    public ChatReply complete(List<ChatMessage> messages) throws LlmException {
        for (int attempt = 0; ; attempt++) {
            try {
                return once(messages);
            } catch (LlmException e) {
                if (!e.retryable() || attempt >= retries) {
                    if (e.retryable()) {
                        throw new LlmException(
                                e.kind(),
                                e.status(),
                                e.getMessage() + " (gave up after " + (attempt + 1) + " attempts)",
                                e);
                    }
                    throw e;
                }
                Duration wait = wait(e, attempt);
                LOG.warn("{}; retry {}/{} in {} ms", e.getMessage(), attempt + 1, retries, wait.toMillis());
                retriesDone.incrementAndGet();
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new LlmException(
                            LlmException.Kind.INTERRUPTED,
                            e.status(),
                            "interrupted while waiting to retry: " + e.getMessage(),
                            e);
                }
            }
        }
    }

    /**
     * The backoff's delay, or longer when the server's {@code Retry-After} asks for more; never more than the
     * configured maximum backoff, so a server asking for an hour cannot stall the run.
     */
    private Duration wait(LlmException e, int attempt) {
        Duration d = backoff.delay(attempt);
        if (e.retryAfter().isEmpty() || e.retryAfter().get().compareTo(d) <= 0) return d;
        return e.retryAfter().get().compareTo(maxBackoff) > 0
                ? maxBackoff
                : e.retryAfter().get();
    }

    private ChatReply once(List<ChatMessage> messages) throws LlmException {
        try {
            slots.acquire();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new LlmException(
                    LlmException.Kind.INTERRUPTED, 0, "interrupted while waiting for a request slot", ie);
        }
        try {
            return inner.complete(messages);
        } finally {
            slots.release();
        }
    }

    @Override
    public void close() {
        inner.close();
    }
}
