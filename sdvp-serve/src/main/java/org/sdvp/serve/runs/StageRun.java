package org.sdvp.serve.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sdvp.core.io.Json;

/**
 * A distillation stage's folder: {@code stage.json} (DistillStage's summary: label counts, loss curve, time),
 * {@code experiment-stage.json} (the experiment's summary, when run by {@code sdvp experiment}) and the
 * collected calls ({@code calls.jsonl}, or the file of the stage whose collection it reused), and the sample of
 * distributions before and after distillation ({@code distributions.json}).
 */
public record StageRun(Path dir, JsonNode stage, JsonNode experiment) {
    /** Calls shown as a sample: evenly spaced over the first {@link #SCANNED} calls of the file. */
    public static final int SAMPLE = 12;

    static final int SCANNED = 5000;

    public static boolean isStage(Path dir) {
        return Files.isRegularFile(dir.resolve("stage.json"))
                || Files.isRegularFile(dir.resolve("experiment-stage.json"));
    }

    public static StageRun load(Path dir) {
        return new StageRun(dir, read(dir.resolve("stage.json")), read(dir.resolve("experiment-stage.json")));
    }

    /** A field of either summary (the stage's own first). */
    public JsonNode field(String name) {
        JsonNode v = stage.path(name);
        return v.isMissingNode() || v.isNull() ? experiment.path(name) : v;
    }

    /**
     * {@code distributions.json}: the teacher's and the student's distributions before and after the stage
     * on a sample of its targets (written by stages since it existed); missing otherwise.
     */
    public JsonNode distributions() {
        return read(dir.resolve("distributions.json"));
    }

    /** The calls file the stage used, if it lies under the runs folder. */
    public Path callsFile(RunFiles files) {
        Path own = dir.resolve("calls.jsonl");
        if (Files.isRegularFile(own)) return own;
        String recorded = field("callsFile").asText(field("calls").asText(""));
        if (recorded.isEmpty()) return null;
        Path p = Path.of(recorded);
        return files.isInside(p) ? files.contained(p) : null;
    }

    /** Up to {@link #SAMPLE} calls, evenly spaced over the file's first {@link #SCANNED}. */
    public static List<JsonNode> sample(Path calls) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(calls)) {
            String line;
            while (lines.size() < SCANNED && (line = in.readLine()) != null) if (!line.isBlank()) lines.add(line);
            List<JsonNode> out = new ArrayList<>();
            int n = Math.min(SAMPLE, lines.size());
            for (int i = 0; i < n; i++) out.add(Json.mapper().readTree(lines.get(i * lines.size() / n)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + calls + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) return MissingNode.getInstance();
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
