package org.sdvp.llm.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An HTTP/1.1 server on 127.0.0.1 that misbehaves at the byte level, as real endpoints do: it can answer
 * nothing, cut a body short of its Content-Length, or trickle it. (The JDK's HttpServer always completes a
 * reply, so it cannot play these faults.) One connection per request; {@code script} picks the fault.
 */
final class FaultServer implements AutoCloseable {
    /** What to do with request number {@code i}. */
    sealed interface Fault {}

    /** A complete reply. */
    record Reply(int status, String headers, String body) implements Fault {}

    /** Accepts and reads the request, then sends nothing until the client gives up. */
    record Silence() implements Fault {}

    /** Announces the whole body, sends {@code sent} bytes of it and closes the connection. */
    record Truncated(String body, int sent) implements Fault {}

    /** Sends the headers at once and then the body one byte every {@code millisPerByte}. */
    record Trickle(String body, long millisPerByte) implements Fault {}

    private final ServerSocket socket;
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    FaultServer(IntFunction<Fault> script) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        acceptor = new Thread(
                () -> {
                    while (!socket.isClosed()) {
                        try {
                            Socket s = socket.accept();
                            Fault f = script.apply(requests.getAndIncrement());
                            Thread t = new Thread(() -> serve(s, f), "fault-server-conn");
                            t.setDaemon(true);
                            t.start();
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "fault-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    int requests() {
        return requests.get();
    }

    private static void serve(Socket s, Fault f) {
        try (s) {
            readRequest(s.getInputStream());
            OutputStream out = s.getOutputStream();
            if (f instanceof Reply r) {
                byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
                out.write(head(r.status(), body.length, r.headers()));
                out.write(body);
            } else if (f instanceof Silence) {
                Thread.sleep(60_000);
            } else if (f instanceof Truncated t) {
                byte[] body = t.body().getBytes(StandardCharsets.UTF_8);
                out.write(head(200, body.length, ""));
                out.write(body, 0, t.sent());
            } else if (f instanceof Trickle t) {
                byte[] body = t.body().getBytes(StandardCharsets.UTF_8);
                out.write(head(200, body.length, ""));
                out.flush();
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(t.millisPerByte());
                }
            }
            out.flush();
        } catch (IOException | InterruptedException gone) {
            // the client gave up: that is the point of most faults
        }
    }

    private static byte[] head(int status, int length, String extra) {
        return ("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + length
                        + "\r\nConnection: close\r\n" + extra + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) return;
            head.append((char) c);
        }
        var m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (m.find()) in.readNBytes(Integer.parseInt(m.group(1)));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
