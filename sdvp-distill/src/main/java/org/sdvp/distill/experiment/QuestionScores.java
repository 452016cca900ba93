package org.sdvp.distill.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.QuestionResult;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.io.DataException;

/**
 * One evaluation's score on every question of the split, in the split's order: what the paired bootstrap
 * resamples. It is exactly recoverable from a {@code results.json}: {@code misses} lists every question that
 * did not score 1 with its score, so every other question of the split scored 1 (checked against the recorded
 * mean). Results written before the intervals existed therefore need no new evaluation.
 *
 * @param ids    the split's question ids, in order
 * @param scores each question's score in [0, 1] (a failed question scores 0)
 */
public record QuestionScores(List<String> ids, double[] scores) {
    public QuestionScores {
        ids = List.copyOf(ids);
        if (ids.size() != scores.length)
            throw new IllegalArgumentException(ids.size() + " ids, " + scores.length + " scores");
    }

    /**
     * @param splitIds the ids of the split the result was computed on, in order
     * @throws DataException when the result does not fit the split (another count, an unknown question, or a
     *                       mean that the misses do not explain)
     */
    public static QuestionScores of(EvalResult r, List<String> splitIds, Path file) throws DataException {
        if (r.count() != splitIds.size()) {
            throw new DataException(file + ": scored " + r.count() + " questions, the split has " + splitIds.size());
        }
        Map<String, Double> missed = new HashMap<>();
        for (QuestionResult q : r.misses()) missed.put(q.id(), q.score());
        double[] scores = new double[splitIds.size()];
        double sum = 0;
        int found = 0;
        for (int i = 0; i < scores.length; i++) {
            Double m = missed.get(splitIds.get(i));
            if (m != null) found++;
            scores[i] = m == null ? 1.0 : m;
            sum += scores[i];
        }
        if (found != missed.size()) {
            throw new DataException(file + ": " + (missed.size() - found) + " missed questions are not in the split");
        }
        if (scores.length > 0 && Math.abs(sum / scores.length - r.score()) > 1e-9) {
            throw new DataException(String.format(
                    Locale.ROOT,
                    "%s: its misses give a mean of %.6f, it records %.6f",
                    file,
                    sum / scores.length,
                    r.score()));
        }
        return new QuestionScores(splitIds, scores);
    }

    /** Writes {@code id<TAB>score} lines (after a header), atomically: the per-question record beside a result. */
    public void write(Path file) throws IOException {
        StringBuilder b = new StringBuilder("id\tscore\n");
        for (int i = 0; i < scores.length; i++) {
            b.append(ids.get(i))
                    .append('\t')
                    .append(
                            scores[i] == 1.0
                                    ? "1"
                                    : scores[i] == 0.0 ? "0" : String.format(Locale.ROOT, "%.6f", scores[i]))
                    .append('\n');
        }
        AtomicFiles.writeString(file, b.toString());
    }
}
