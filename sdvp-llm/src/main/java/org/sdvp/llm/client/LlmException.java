package org.sdvp.llm.client;

/**
 * A chat request failed. {@link #kind()} classifies the failure so the retry policy and the user know
 * what to do next; {@link #status()} is the HTTP status code, or 0 when no response arrived.
 */
public final class LlmException extends Exception {

    /** Why a request failed. */
    public enum Kind {
        /** 401/403: the API key is wrong or missing. */
        AUTHENTICATION(false),
        /** 404: the model is unknown to the server, or the base URL is wrong. */
        NOT_FOUND(false),
        /** 429: too many requests or quota; retried with backoff. */
        RATE_LIMITED(true),
        /** 5xx: retried with backoff. */
        SERVER(true),
        /** No reply within the per-request timeout; retried. */
        TIMEOUT(true),
        /** The server could not be reached or closed the connection; retried. */
        CONNECTION(true),
        /** HTTP 200 but the body is not a chat-completions reply (not JSON, no choices, no content). */
        MALFORMED(false),
        /** Another 4xx: the request itself is wrong (e.g. max tokens too large for the model). */
        BAD_REQUEST(false),
        /** The calling thread was interrupted (the run is being cancelled). */
        INTERRUPTED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int status;
    private final java.time.Duration retryAfter;

    public LlmException(Kind kind, int status, String message, Throwable cause) {
        this(kind, status, message, cause, null);
    }

    private LlmException(Kind kind, int status, String message, Throwable cause, java.time.Duration retryAfter) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The same failure, with the wait the server's {@code Retry-After} header asked for. */
    public LlmException withRetryAfter(java.time.Duration wait) {
        return new LlmException(
                kind, status, getMessage() + " (Retry-After " + wait.toSeconds() + " s)", getCause(), wait);
    }

    /** What the server's {@code Retry-After} header asked for (429, 503), if it sent one. */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
