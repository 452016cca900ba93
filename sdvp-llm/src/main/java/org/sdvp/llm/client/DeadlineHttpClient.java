package org.sdvp.llm.client;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * LangChain4j's HTTP transport, replaced for two guarantees its JDK client does not give: the per-request
 * timeout bounds the <em>whole</em> exchange (a server that sends its headers and then trickles the body
 * is cut off at the deadline, not waited for), and a refused request's {@code Retry-After} header reaches
 * the retry policy ({@link StatusException#retryAfter()}). HTTP/1.1 only: llama.cpp's and some proxies'
 * HTTP/2 upgrade handling is unreliable. Streaming (server-sent events) is not used by sdvp and refused.
 */
final class DeadlineHttpClient implements dev.langchain4j.http.client.HttpClient {

    /** A non-2xx reply, with the wait its {@code Retry-After} header asked for, if any. */
    static final class StatusException extends HttpException {
        private final Duration retryAfter;

        StatusException(int status, String body, Duration retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }

        Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    DeadlineHttpClient(Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        this.timeout = timeout;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(timeout)
                .method(
                        request.method().name(),
                        request.body() == null
                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        CompletableFuture<HttpResponse<String>> reply =
                client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> r;
        try {
            r = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new RuntimeException(
                    new HttpTimeoutException("no complete reply within " + timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            reply.cancel(true);
            Thread.currentThread().interrupt();
            throw new RuntimeException("interrupted while waiting for " + request.url(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new RuntimeException(
                    cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause));
        }
        if (r.statusCode() / 100 != 2) {
            throw new StatusException(
                    r.statusCode(),
                    r.body(),
                    r.headers()
                            .firstValue("Retry-After")
                            .map(DeadlineHttpClient::retryAfter)
                            .orElse(null));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(r.statusCode())
                .headers(r.headers().map())
                .body(r.body())
                .build();
    }

    /** {@code Retry-After: 7} or an HTTP date; null when it is neither. */
    static Duration retryAfter(String value) {
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(
                        ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (java.time.format.DateTimeParseException bad) {
                return null;
            }
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("sdvp does not stream chat completions");
    }

    /** What LangChain4j's model builder configures; the read timeout becomes the whole-exchange deadline. */
    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout, readTimeout;

        Builder(Duration timeout) {
            this.connectTimeout = timeout;
            this.readTimeout = timeout;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration d) {
            if (d != null) connectTimeout = d;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration d) {
            if (d != null) readTimeout = d;
            return this;
        }

        @Override
        public DeadlineHttpClient build() {
            return new DeadlineHttpClient(connectTimeout, readTimeout);
        }
    }
}
