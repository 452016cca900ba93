package org.sdvp.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only files under the runs folder are read, nothing is written, and every page forbids foreign scripts. */
class ServeSecurityTest {
    static final Path runs = Fixture.RUNS;
    static final ServeApp app = Fixture.APP;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> get(String rawPath) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + rawPath))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/experiment?run=..",
                "/experiment?run=../..",
                "/experiment?run=/etc",
                "/experiment?run=exp/../..",
                "/eval?run=../../../../../../etc/passwd",
                "/eval?run=%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/eval?run=/etc/passwd",
                "/eval?run=link/r.json",
                "/experiment?run=link/exp",
                "/stage?run=link/exp/stages/seed-1/sdvp-gqa-sim",
                "/stage?run=exp/stages/seed-1/../../../..",
                "/questions?run=link/exp&a=baseline&b=oracle&task=gqa-sim",
                "/trace?run=link/exp&row=baseline&task=gqa-sim&id=gqa-sim-00001",
                "/eval?run=exp%00/report.json",
                "/eval-question?run=link/r.json&id=x",
                "/eval-trace?run=../single/gqa-sim.json&id=gqa-sim-00001",
                "/eval-trace?run=single/../../outside/secret/r.json&id=x",
                "/static/../../../../../../etc/passwd",
                "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
                "/webjars/..%2f..%2f..%2f..%2fetc%2fpasswd",
                "/webjars/%2e%2e/%2e%2e/%2e%2e/META-INF/MANIFEST.MF"
            })
    void traversalFails(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " → " + r.statusCode());
        assertFalse(r.body().contains("root:"), path);
        assertFalse(r.body().contains("TOP-SECRET"), path);
        assertFalse(r.body().contains("Manifest-Version"), path);
    }

    @Test
    void theLinkedSecretIsNotListedEither() throws Exception {
        HttpResponse<String> index = get("/");
        assertEquals(200, index.statusCode());
        assertFalse(index.body().contains("link/"), index.body());
    }

    @Test
    void nothingIsWritten() throws Exception {
        Map<String, Long> before = snapshot();
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(app.url() + "experiment?run=exp"))
                            .method(method, HttpRequest.BodyPublishers.ofString("x"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() == 404 || r.statusCode() == 405, method + " → " + r.statusCode());
        }
        for (String page : new String[] {
            "/",
            "/experiment?run=exp",
            "/stage?run=exp/stages/seed-1/sdvp-gqa-sim",
            "/questions?run=exp&a=baseline&b=oracle&task=gqa-sim",
            "/eval?run=exp/eval/visprog/baseline/shared/gqa-sim.json",
            "/question?run=exp&a=baseline&b=oracle&task=gqa-sim&id=gqa-sim-00001",
            "/trace?run=exp&row=oracle&task=gqa-sim&id=gqa-sim-00001",
            "/eval?run=single/gqa-sim.json",
            "/eval-question?run=single/gqa-sim.json&id=gqa-sim-00001",
            "/eval-trace?run=single/gqa-sim.json&id=gqa-sim-00001"
        }) {
            assertEquals(200, get(page).statusCode(), page);
        }
        assertEquals(before, snapshot(), "no file created, changed or removed");
    }

    @Test
    void pagesForbidForeignAndInlineScripts() throws Exception {
        HttpResponse<String> r = get("/experiment?run=exp");
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(
                csp.contains("script-src 'self'") && !csp.contains("unsafe-inline';")
                        || csp.contains("style-src 'self' 'unsafe-inline'"),
                csp);
        assertFalse(
                csp.replace("style-src 'self' 'unsafe-inline'", "").contains("unsafe"),
                "scripts: this server only, never inline: " + csp);
        assertFalse(r.body().matches("(?s).*<script>(?!</script>).*"), "no inline script in the page");
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void badParametersAreClearErrors() throws Exception {
        HttpResponse<String> r = get("/questions?run=exp&a=baseline&b=oracle&task=gqa-sim&outcome=%3Cscript%3E");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("unknown outcome filter '&lt;script&gt;'"), r.body());
        assertEquals(404, get("/questions?run=exp&a=nope&b=oracle&task=gqa-sim").statusCode());
        assertEquals(404, get("/experiment").statusCode(), "the runs folder itself is no experiment here");
    }

    private static Map<String, Long> snapshot() throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(runs)) {
            for (Path p : files.toList()) {
                out.put(
                        runs.relativize(p).toString(),
                        Files.isRegularFile(p)
                                ? Files.size(p) ^ Files.getLastModifiedTime(p).toMillis()
                                : -1);
            }
        }
        return out;
    }
}
