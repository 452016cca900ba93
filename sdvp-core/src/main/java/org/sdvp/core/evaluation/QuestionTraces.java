package org.sdvp.core.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.io.Json;
import org.sdvp.core.trace.StepRecord;
import org.sdvp.core.trace.TraceJsonl;
import org.sdvp.core.trace.ValueJson;

/**
 * Every question of one evaluation with its answer and its trace, written beside the evaluation's results
 * as {@code TASK.questions.jsonl.gz} (gzip JSON lines, in id order): what {@code sdvp serve} lists and shows
 * side by side. One line per question:
 * <pre>
 * {"id", "type", "question", "prediction", "gold", "score", "error",
 *  "images": {"IMAGE": "test/images/x.png"},      (relative to the task's data folder)
 *  "initial": {"IMAGE": {ValueJson}}, "program": "...", "steps": [{TraceJsonl line}, ...]}
 * </pre>
 * Images are provenance only (source id and region, as in every trace), so a line is about 1–3 KB before
 * compression. At most {@link #MAX_QUESTIONS} questions are kept; the file says how many were left out. The one
 * exception: a step whose image a backend drew ({@code REPLACE}) carries its pixels as a PNG
 * ({@link RecordedPixels}), which no reader could make again; a file holds at most {@link #MAX_PIXEL_BYTES}
 * of them, given to the first questions in id order (a later question's steps say their pixels were left out).
 *
 * <p>Written by {@code sdvp experiment} for each evaluation and by {@code sdvp eval} beside its
 * {@code --out}. A resumable run keeps each question's line in its journal too ({@link #recorder()}), so the
 * questions an interrupted run finished are in the file of the run that completes it ({@link #restore}).
 */
public final class QuestionTraces implements Evaluator.Listener {
    public static final int MAX_QUESTIONS = 5000;
    /** Characters of recorded pixels ({@link RecordedPixels}) in one file. */
    public static final long MAX_PIXEL_BYTES = 16L << 20;

    private final Path data;
    private final Map<String, String> lines = new TreeMap<>();
    /** Questions holding recorded pixels → their size; all below {@link #cut}. */
    private final TreeMap<String, Integer> withPixels = new TreeMap<>();
    /** The first question (in id order) whose pixels did not fit: it and every later one are left without. */
    private String cut;

    private long pixelBytes;
    /** Characters of recorded pixels handed to the journal so far: never more than the budget. */
    private long journalledPixelBytes;

    private int leftOut;

    private final long pixelBudget;

    /** @param data the task's data folder, against which image paths are recorded */
    public QuestionTraces(Path data) {
        this(data, MAX_PIXEL_BYTES);
    }

    /** @param pixelBudget characters of recorded pixels the file may hold (tests use a small one) */
    QuestionTraces(Path data, long pixelBudget) {
        this.data = data.toAbsolutePath().normalize();
        this.pixelBudget = pixelBudget;
    }

    /** {@code eval/FW/ROW/SEED/TASK.json} → {@code eval/FW/ROW/SEED/TASK.questions.jsonl.gz}. */
    public static Path beside(Path resultsJson) {
        String name = resultsJson.getFileName().toString().replaceFirst("\\.json$", "");
        return resultsJson.resolveSibling(name + ".questions.jsonl.gz");
    }

    @Override
    public void questionDone(Example example, QuestionResult r, Optional<Execution> execution) {
        add(r.id(), line(example, r, execution));
    }

    /**
     * A {@link Evaluator.Recorder} that keeps each question's line here and returns it for the run's journal;
     * use it instead of this object as the listener, and {@link #restore} the journal's entries.
     *
     * <p>The journal gets the line as this file keeps it, so it is bounded like the file: no line for a
     * question past {@link #MAX_QUESTIONS} (its answer is journalled anyway), and recorded pixels only while
     * the journal's total stays within the file's pixel budget (a question finished out of id order can find
     * it spent: its journalled line says its pixels were left out, and so does the file if the run resumes).
     */
    public Evaluator.Recorder recorder() {
        return (example, r, execution) -> {
            String kept = add(r.id(), line(example, r, execution));
            return kept == null ? null : parse(journalled(kept));
        };
    }

    private String journalled(String line) {
        int bytes = RecordedPixels.bytes(line);
        synchronized (lines) {
            if (bytes == 0) return line;
            if (journalledPixelBytes + bytes <= pixelBudget) {
                journalledPixelBytes += bytes;
                return line;
            }
        }
        return withoutPixels(line, "the journal's " + pixelBudget + " characters of recorded pixels were spent");
    }

    /**
     * A question an interrupted run finished: its journalled line, or (a journal written without lines)
     * its answer alone, with no trace.
     */
    public void restore(RunJournal.Entry entry) {
        QuestionResult r = entry.outcome().result();
        if (entry.extra() != null && entry.extra().isObject() && entry.extra().has("steps")) {
            add(r.id(), entry.extra());
            return;
        }
        Map<String, Object> m = answer(r);
        m.put("steps", List.of());
        add(r.id(), m);
    }

    private Map<String, Object> line(Example example, QuestionResult r, Optional<Execution> execution) {
        Map<String, Object> m = answer(r);
        Map<String, String> images = new TreeMap<>();
        example.images().forEach((name, path) -> images.put(name, relative(path)));
        m.put("images", images);
        Map<String, Object> initial = new TreeMap<>();
        List<Object> steps = new ArrayList<>();
        execution.ifPresent(e -> {
            e.trace().initial().forEach((name, v) -> initial.put(name, ValueJson.of(v)));
            for (StepRecord s : e.trace().steps()) {
                JsonNode step = parse(TraceJsonl.line(s));
                if (RecordedPixels.needed(s)) RecordedPixels.add((ObjectNode) step, s);
                steps.add(step);
            }
        });
        m.put("initial", initial);
        m.put(
                "program",
                execution
                        .map(e -> e.trace().programSource())
                        .orElse(example.program().orElse(null)));
        m.put("steps", steps);
        return m;
    }

    private static Map<String, Object> answer(QuestionResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("type", r.type());
        m.put("question", r.question());
        m.put("prediction", r.prediction());
        m.put("gold", r.gold());
        m.put("score", r.score());
        m.put("error", r.error());
        return m;
    }

    /** Keeps a question's line; returns it as kept (its pixels perhaps left out), or null when left out. */
    private String add(String id, Object record) {
        String line;
        try {
            line = Json.mapper().writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("question record not serialisable", e);
        }
        synchronized (lines) {
            if (!lines.containsKey(id) && lines.size() >= MAX_QUESTIONS) {
                leftOut++;
                return null;
            }
            Integer before = withPixels.remove(id);
            if (before != null) pixelBytes -= before;
            int bytes = RecordedPixels.bytes(line);
            if (bytes > 0 && cut != null && id.compareTo(cut) >= 0) line = withoutPixels(line);
            else if (bytes > 0) {
                withPixels.put(id, bytes);
                pixelBytes += bytes;
            }
            lines.put(id, line);
            // over the budget: the last questions in id order give theirs up, whatever order they finished in,
            // so the file holds the pixels of the longest run of first questions that fits
            while (pixelBytes > pixelBudget) {
                Map.Entry<String, Integer> last = withPixels.pollLastEntry();
                pixelBytes -= last.getValue();
                cut = last.getKey();
                lines.put(cut, withoutPixels(lines.get(cut)));
            }
            return lines.get(id);
        }
    }

    private String withoutPixels(String line) {
        return withoutPixels(
                line, "the file's " + pixelBudget + " characters of recorded pixels went to earlier questions");
    }

    private static String withoutPixels(String line, String why) {
        try {
            return Json.mapper().writeValueAsString(RecordedPixels.strip(parse(line), why));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("question record not serialisable", e);
        }
    }

    /** Writes the file atomically (after the evaluation, before its results.json marks it done). */
    public void write(Path file) throws IOException {
        synchronized (lines) {
            AtomicFiles.write(file, out -> {
                try (OutputStream gz = new GZIPOutputStream(out)) {
                    for (String line : lines.values()) gz.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    if (leftOut > 0) {
                        gz.write(("{\"leftOut\":" + leftOut + "}\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            });
        }
    }

    private String relative(Path image) {
        Path p = image.toAbsolutePath().normalize();
        return p.startsWith(data) ? data.relativize(p).toString().replace('\\', '/') : p.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("trace line not JSON", e);
        }
    }
}
