package org.sdvp.data.gqa;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.QuestionResult;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.io.Json;
import org.sdvp.core.metric.AnswerNormalizer;

/**
 * Collects a run's answers in the format GQA's evaluation script and submission server read:
 * {@code [{"questionId": "201307251", "prediction": "yes"}, ...]}, every question in id order (the same file
 * whatever order a concurrent run finished them in), answers normalised ({@link AnswerNormalizer}); a failed
 * question predicts the empty string. Attach it as the evaluator's listener (and {@link #add} what a resumed
 * run restored), then {@link #write}. Thread-safe.
 */
public final class GqaPredictions implements Evaluator.Listener {
    private final List<Map<String, String>> rows = new ArrayList<>();

    @Override
    public void questionDone(Example example, QuestionResult result, Optional<Execution> execution) {
        add(result);
    }

    /** Adds one question's prediction. */
    public synchronized void add(QuestionResult result) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("questionId", result.id());
        row.put("prediction", result.prediction() == null ? "" : AnswerNormalizer.normalize(result.prediction()));
        rows.add(row);
    }

    /** The rows in question-id order. */
    public synchronized List<Map<String, String>> rows() {
        List<Map<String, String>> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(r -> r.get("questionId")));
        return sorted;
    }

    /** Writes the predictions file atomically. */
    public synchronized void write(Path file) throws IOException {
        Json.write(file, rows());
    }
}
