package org.sdvp.serve.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.Optional;

/**
 * Everything the pages read, found through {@link RunFiles} (so nothing outside the runs folder) and kept
 * parsed while unchanged. Read-only: nothing here writes a file.
 */
public final class Runs {
    private final RunFiles files;
    private final ParsedFiles<JsonNode> reports = new ParsedFiles<>(16);
    private final ParsedFiles<JsonNode> results = new ParsedFiles<>(1024);
    private final QuestionFiles questions = new QuestionFiles();
    private final ParsedFiles<Map<String, String>> rendered = new ParsedFiles<>(128);

    public Runs(Path root) throws IOException {
        this.files = new RunFiles(root);
    }

    public RunFiles files() { return files; }

    public QuestionFiles questions() { return questions; }

    public List<RunIndex.Entry> index() { return RunIndex.scan(files); }

    /**
     * A page part made from {@code file} alone (a rationale, a stage's sample of calls), rendered once per
     * version of the file: drawing thumbnails is the slow part of those pages.
     */
    public String rendered(Path file, String key, Supplier<String> render) {
        return rendered.get(file, f -> new ConcurrentHashMap<>()).computeIfAbsent(key, k -> render.get());
    }

    /** The experiment folder {@code relative} names. */
    public ExperimentRun experiment(String relative) {
        Path dir = files.resolve(relative);
        if (!Files.isDirectory(dir) || !RunIndex.isExperiment(dir)) throw new RunFiles.NotFound("not an experiment folder");
        Path report = dir.resolve("report.json");
        JsonNode r = Files.isRegularFile(report) ? reports.get(report, ParsedFiles::json) : null;
        return new ExperimentRun(dir, r, results);
    }

    public StageRun stage(String relative) {
        Path dir = files.resolve(relative);
        if (!Files.isDirectory(dir) || !StageRun.isStage(dir)) throw new RunFiles.NotFound("not a stage folder");
        return StageRun.load(dir);
    }

    /** A results.json of {@code sdvp eval} (or of an experiment's cell). */
    public JsonNode eval(String relative) {
        Path file = files.resolve(relative);
        if (!Files.isRegularFile(file) || !RunIndex.isEvalResult(file)) throw new RunFiles.NotFound("not an evaluation result");
        return results.get(file, ParsedFiles::json);
    }

    /**
     * A source image of an experiment's task, by file name, from the paths its question line records
     * (relative to {@code data/TASK}); empty unless the file lies under the runs folder.
     */
    public Optional<Path> image(ExperimentRun run, String task, JsonNode line, String sourceId) {
        for (JsonNode rel : line.path("images")) {
            String s = rel.asText("");
            Path p = Path.of(s).isAbsolute() ? Path.of(s) : run.dir().resolve("data").resolve(task).resolve(s);
            if (p.getFileName() != null && p.getFileName().toString().equals(sourceId) && files.isInside(p)) {
                return Optional.of(files.contained(p));
            }
        }
        return Optional.empty();
    }
}
