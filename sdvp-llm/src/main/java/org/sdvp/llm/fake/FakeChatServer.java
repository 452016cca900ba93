package org.sdvp.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat-completions server on 127.0.0.1 for tests and manual end-to-end checks: it answers
 * {@code POST .../chat/completions} with whatever its {@link Responder} says (a program, an HTTP error, a
 * broken body, a delay) and keeps every request body for assertions. Binds to the loopback address only,
 * so nothing outside this machine can reach it. Thread-safe.
 */
public final class FakeChatServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to send back. */
    public record Response(int status, String body, long delayMillis) {
        /** A well-formed reply whose message content is {@code content}, with a usage field. */
        public static Response ok(String content) {
            ObjectNode root = JSON.createObjectNode();
            root.put("id", "chatcmpl-fake");
            root.put("object", "chat.completion");
            root.put("created", 0);
            root.put("model", "fake");
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", content);
            choice.put("finish_reason", "stop");
            root.putObject("usage")
                    .put("prompt_tokens", 100)
                    .put("completion_tokens", 20)
                    .put("total_tokens", 120);
            return new Response(200, root.toString(), 0);
        }

        /** An HTTP error with an OpenAI-style error body. */
        public static Response error(int status, String message) {
            ObjectNode root = JSON.createObjectNode();
            root.putObject("error").put("message", message).put("type", "fake_error");
            return new Response(status, root.toString(), 0);
        }

        /** Status 200 with {@code body} verbatim (for malformed-reply tests). */
        public static Response raw(String body) {
            return new Response(200, body, 0);
        }

        public Response delayed(long millis) {
            return new Response(status, body, millis);
        }
    }

    /** Chooses the response to request number {@code index} (0-based) with the given JSON body. */
    @FunctionalInterface
    public interface Responder {
        Response respond(int index, JsonNode request);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Responder responder;
    private final AtomicInteger count = new AtomicInteger();
    private final List<JsonNode> requests = new ArrayList<>();

    private FakeChatServer(int port, Responder responder) throws IOException {
        this.responder = responder;
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 0);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-chat-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on 127.0.0.1 at {@code port} (0 picks a free one). */
    public static FakeChatServer start(int port, Responder responder) throws IOException {
        return new FakeChatServer(port, responder);
    }

    /** {@code http://127.0.0.1:PORT/v1}, to pass as the base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests received so far. */
    public int requestCount() {
        return count.get();
    }

    /** The JSON bodies received so far, in arrival order. */
    public List<JsonNode> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] in = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())
                    || !exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
                send(
                        exchange,
                        Response.error(
                                404, "no route " + exchange.getRequestMethod() + " " + exchange.getRequestURI()));
                return;
            }
            JsonNode body;
            try {
                body = JSON.readTree(in);
            } catch (IOException e) {
                send(exchange, Response.error(400, "request is not JSON: " + e.getMessage()));
                return;
            }
            int index;
            synchronized (requests) {
                index = count.getAndIncrement();
                requests.add(body);
            }
            Response r = responder.respond(index, body);
            if (r.delayMillis() > 0) {
                try {
                    Thread.sleep(r.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            send(exchange, r);
        } catch (IOException e) {
            // the client gave up (timeout test): nothing to answer
        }
    }

    private static void send(HttpExchange exchange, Response r) throws IOException {
        byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    /** The text of the system message of a request (the prompt's instruction), or empty. */
    public static String systemMessage(JsonNode request) {
        for (JsonNode m : request.path("messages")) {
            if ("system".equals(m.path("role").asText()))
                return m.path("content").asText();
        }
        return "";
    }

    /** The text of the last user message of a request (where the prompt puts the question). */
    public static String lastUserMessage(JsonNode request) {
        String last = "";
        for (JsonNode m : request.path("messages")) {
            if ("user".equals(m.path("role").asText())) last = m.path("content").asText();
        }
        return last;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
