package org.sdvp.serve.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.sdvp.core.io.Json;

/**
 * Reads the per-question files an evaluation writes beside its {@code results.json}
 * ({@code TASK.questions.jsonl.gz}) and keeps the most recently used ones parsed: a question list compares two
 * of them, and the same pair is usually asked for again with another filter.
 */
public final class QuestionFiles {
    private static final com.fasterxml.jackson.databind.ObjectReader SUMMARY = Json.mapper()
            .readerFor(QuestionRecord.class)
            .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ParsedFiles<QuestionSet> cache = new ParsedFiles<>(64);

    /** {@code eval/.../TASK.json} → {@code eval/.../TASK.questions.jsonl.gz}. */
    public static Path beside(Path resultsJson) {
        String name = resultsJson.getFileName().toString().replaceFirst("\\.json$", "");
        return resultsJson.resolveSibling(name + ".questions.jsonl.gz");
    }

    /** The questions of an evaluation: its question file, or else its results.json's misses. */
    public QuestionSet load(Path resultsJson) {
        Path file = beside(resultsJson);
        if (Files.isRegularFile(file)) return cache.get(file, QuestionFiles::readQuestions);
        if (Files.isRegularFile(resultsJson)) return cache.get(resultsJson, QuestionFiles::readMisses);
        return QuestionSet.EMPTY;
    }

    /** One question's full line (with its trace), or empty when the file has no such question. */
    public Optional<JsonNode> line(Path resultsJson, String id) {
        Path file = beside(resultsJson);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (BufferedReader in = reader(file)) {
            String line;
            String needle = "\"id\":" + Json.mapper().writeValueAsString(id) + ",";
            while ((line = in.readLine()) != null) {
                if (!line.contains(needle)) continue;
                JsonNode q = Json.mapper().readTree(line);
                if (id.equals(q.path("id").asText())) return Optional.of(q);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static QuestionSet readQuestions(Path file) throws IOException {
        List<QuestionRecord> out = new ArrayList<>();
        int leftOut = 0;
        try (BufferedReader in = reader(file)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                try {
                    if (line.startsWith("{\"leftOut\""))
                        leftOut += Json.mapper().readTree(line).path("leftOut").asInt();
                    else out.add(SUMMARY.readValue(line)); // binds the answer's fields, skips the trace
                } catch (IOException e) {
                    throw new IOException("line " + n + " is not a question record (" + e.getMessage() + ")", e);
                }
            }
        }
        return new QuestionSet(out, true, leftOut);
    }

    private static QuestionSet readMisses(Path resultsJson) throws IOException {
        JsonNode r = Json.mapper().readTree(resultsJson.toFile());
        List<QuestionRecord> out = new ArrayList<>();
        for (JsonNode m : r.path("misses")) out.add(record(m));
        return new QuestionSet(out, false, 0);
    }

    private static QuestionRecord record(JsonNode q) {
        return new QuestionRecord(
                q.path("id").asText(),
                q.path("type").asText(""),
                q.path("question").asText(""),
                text(q.get("prediction")),
                text(q.get("gold")),
                q.path("score").asDouble(0),
                text(q.get("error")));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8));
    }
}
