package org.sdvp.serve.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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

    public RunFiles files() {
        return files;
    }

    public QuestionFiles questions() {
        return questions;
    }

    public List<RunIndex.Entry> index() {
        return RunIndex.scan(files);
    }

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
        if (!Files.isDirectory(dir) || !RunIndex.isExperiment(dir))
            throw new RunFiles.NotFound("not an experiment folder");
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
        return results.get(evalFile(relative), ParsedFiles::json);
    }

    /**
     * A source image by file name, from the paths a question line records (relative to the task's data
     * folder {@code data}); empty unless the file lies under the runs folder.
     */
    public Optional<Path> image(Path data, JsonNode line, String sourceId) {
        for (JsonNode rel : line.path("images")) {
            String s = rel.asText("");
            Path p = Path.of(s).isAbsolute() ? Path.of(s) : data.resolve(s);
            if (p.getFileName() != null && p.getFileName().toString().equals(sourceId) && files.isInside(p)) {
                return Optional.of(files.contained(p));
            }
        }
        return Optional.empty();
    }

    /**
     * The data folder of an evaluation's task: {@code data/TASK} of the experiment whose
     * {@code eval/FW/ROW/SEED/TASK.json} it is, else the {@code data} its provenance records (where
     * {@code sdvp eval --data} pointed), else its own folder.
     */
    public Path dataOf(Path results, JsonNode r) {
        Path exp = results.getParent();
        for (int i = 0; i < 4 && exp != null; i++) exp = exp.getParent();
        String task = r.path("task").asText("");
        if (exp != null
                && !task.isEmpty()
                && RunIndex.isExperiment(exp)
                && Files.isDirectory(exp.resolve("data").resolve(task))) {
            return exp.resolve("data").resolve(task);
        }
        String recorded = r.path("provenance").path("data").asText("");
        if (!recorded.isEmpty()) {
            try {
                return Path.of(recorded);
            } catch (java.nio.file.InvalidPathException e) {
                // a path of another system: fall through
            }
        }
        return results.getParent();
    }

    /** The file a {@code run} parameter names, checked to be an evaluation result. */
    public Path evalFile(String relative) {
        Path file = files.resolve(relative);
        if (!Files.isRegularFile(file) || !RunIndex.isEvalResult(file))
            throw new RunFiles.NotFound("not an evaluation result");
        return file;
    }
}
