package org.sdvp.llm.client;

import com.fasterxml.jackson.core.JacksonException;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat-completions request per call over LangChain4j's OpenAI client and its JDK HTTP transport.
 *
 * <p>LangChain4j's own retries are switched off ({@code maxRetries(0)}) so that {@link RetryingChatClient}
 * is the only retry policy (seeded jitter, a cap, and counting). LangChain4j reports a non-2xx reply as an
 * {@link HttpException} carrying the status code (possibly wrapped in its typed exceptions); this class walks
 * the cause chain for it and classifies the failure as an {@link LlmException.Kind}. Thread-safe: the
 * underlying model object is.
 */
public final class OpenAiChatClient implements ChatClient {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiChatClient.class);
    /** Sent when the key variable is unset: local servers ignore the key, hosted ones answer 401. */
    static final String NO_KEY = "sdvp-no-key";

    private final ClientConfig config;
    private final boolean keyPresent;
    private final OpenAiChatModel model;

    public OpenAiChatClient(ClientConfig config) {
        this(config, System::getenv);
    }

    /** @param env looks up environment variables (tests pass a map) */
    public OpenAiChatClient(ClientConfig config, UnaryOperator<String> env) {
        this.config = config;
        String key = env.apply(config.apiKeyEnv());
        this.keyPresent = key != null && !key.isBlank();
        if (!keyPresent) {
            LOG.info(
                    "environment variable {} is not set; sending no API key (fine for local servers)",
                    config.apiKeyEnv());
        }
        this.model = OpenAiChatModel.builder()
                .baseUrl(config.baseUrl())
                .apiKey(keyPresent ? key : NO_KEY)
                .modelName(config.model())
                .temperature(config.temperature())
                .maxTokens(config.maxTokens())
                .timeout(config.timeout())
                .maxRetries(0)
                // the whole exchange within the timeout, and Retry-After passed on (DeadlineHttpClient)
                .httpClientBuilder(new DeadlineHttpClient.Builder(config.timeout()))
                .build();
    }

    @Override
    public String model() {
        return config.model();
    }

    @Override
    public ChatReply complete(List<ChatMessage> messages) throws LlmException {
        ChatRequest request = ChatRequest.builder()
                .messages(messages.stream().map(OpenAiChatClient::toLc).toList())
                .build();
        ChatResponse response;
        try {
            response = model.chat(request);
        } catch (RuntimeException e) {
            throw classify(e);
        }
        AiMessage ai = response == null ? null : response.aiMessage();
        if (ai == null || ai.text() == null) {
            throw new LlmException(
                    LlmException.Kind.MALFORMED,
                    200,
                    "the reply from " + config.baseUrl() + " has no message content (model " + config.model() + ")",
                    null);
        }
        TokenUsage usage = response.tokenUsage();
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        return new ChatReply(ai.text(), in, out);
    }

    private static dev.langchain4j.data.message.ChatMessage toLc(ChatMessage m) {
        return switch (m.role()) {
            case SYSTEM -> SystemMessage.from(m.content());
            case USER -> UserMessage.from(m.content());
            case ASSISTANT -> AiMessage.from(m.content());
        };
    }

    /** Maps whatever LangChain4j threw to a kind with a message that says what to do next. */
    LlmException classify(RuntimeException e) {
        String url = config.baseUrl();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                LlmException refused = fromStatus(http.statusCode(), http.getMessage(), e);
                return t instanceof DeadlineHttpClient.StatusException s
                                && s.retryAfter().isPresent()
                        ? refused.withRetryAfter(s.retryAfter().get())
                        : refused;
            }
            if (t instanceof HttpTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.SocketTimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return new LlmException(
                        LlmException.Kind.TIMEOUT,
                        0,
                        "no reply from " + url + " within " + config.timeout().toMillis() + " ms",
                        e);
            }
            if (t instanceof JacksonException) {
                return new LlmException(
                        LlmException.Kind.MALFORMED,
                        200,
                        "the reply from " + url + " is not a chat-completions JSON body: " + firstLine(t.getMessage()),
                        e);
            }
            if (t instanceof IOException) {
                return new LlmException(
                        LlmException.Kind.CONNECTION,
                        0,
                        "cannot reach " + url + " (is the server running, and is the URL right?): " + t,
                        e);
            }
        }
        return new LlmException(LlmException.Kind.MALFORMED, 0, "unexpected failure talking to " + url + ": " + e, e);
    }

    private LlmException fromStatus(int status, String body, Throwable cause) {
        String detail = " (HTTP " + status + ": " + firstLine(body) + ")";
        if (status == 401 || status == 403) {
            String why = keyPresent
                    ? "the API key in environment variable " + config.apiKeyEnv() + " was rejected by "
                            + config.baseUrl()
                    : "environment variable " + config.apiKeyEnv() + " is not set; " + config.baseUrl()
                            + " needs an API key";
            return new LlmException(
                    LlmException.Kind.AUTHENTICATION,
                    status,
                    why + "; set it, or name another variable with --llm-key-env" + detail,
                    cause);
        }
        if (status == 404) {
            return new LlmException(
                    LlmException.Kind.NOT_FOUND,
                    status,
                    "model '" + config.model() + "' is unknown or the base URL is wrong: " + config.baseUrl()
                            + "/chat/completions not found; check --llm-model and --llm-base-url (it usually ends in /v1)"
                            + detail,
                    cause);
        }
        if (status == 429) {
            return new LlmException(
                    LlmException.Kind.RATE_LIMITED, status, "rate limited by " + config.baseUrl() + detail, cause);
        }
        if (status == 408) {
            return new LlmException(
                    LlmException.Kind.TIMEOUT, status, "request timed out at " + config.baseUrl() + detail, cause);
        }
        if (status >= 500) {
            return new LlmException(
                    LlmException.Kind.SERVER, status, "server error at " + config.baseUrl() + detail, cause);
        }
        return new LlmException(
                LlmException.Kind.BAD_REQUEST, status, "request refused by " + config.baseUrl() + detail, cause);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
