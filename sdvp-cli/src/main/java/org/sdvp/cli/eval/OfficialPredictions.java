package org.sdvp.cli.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.evaluation.QuestionResult;
import org.sdvp.core.evaluation.RunJournal;
import org.sdvp.data.gqa.GqaPredictions;
import org.sdvp.data.nlvr2.Nlvr2Predictions;

/**
 * The benchmark's own prediction file, which {@code eval} writes beside results.json for the real benchmarks
 * that have one: GQA's predictions JSON ({@code [{"questionId", "prediction"}]}, for its evaluation script and
 * submission server) as {@code FILE-STEM.predictions.json}, NLVR2's CSV ({@code identifier,True|False}) as
 * {@code FILE-STEM.predictions.csv}. Every question is in it, those a resumed run restored from its journal too.
 */
sealed interface OfficialPredictions permits OfficialPredictions.Gqa, OfficialPredictions.Nlvr2 {
    /** The file for task {@code task}'s run written to {@code resultsJson}, if the task has an official format. */
    static Optional<OfficialPredictions> of(String task, Path resultsJson) {
        String stem = resultsJson.getFileName().toString().replaceFirst("\\.json$", "");
        return switch (task) {
            case "gqa" ->
                Optional.of(new Gqa(resultsJson.resolveSibling(stem + ".predictions.json"), new GqaPredictions()));
            case "nlvr2" ->
                Optional.of(new Nlvr2(resultsJson.resolveSibling(stem + ".predictions.csv"), new Nlvr2Predictions()));
            default -> Optional.empty();
        };
    }

    Path file();

    /** Sees each question the run answers. */
    Evaluator.Listener listener();

    /** Adds one question's prediction. */
    void add(QuestionResult result);

    /** Writes the file atomically; returns what to tell the user about it. */
    String write() throws IOException;

    /** Adds what {@code journal} restored from an interrupted run (the listener saw only the new questions). */
    default void restore(RunJournal journal) {
        journal.restored().values().forEach(e -> add(e.outcome().result()));
    }

    record Gqa(Path file, GqaPredictions rows) implements OfficialPredictions {
        @Override
        public Evaluator.Listener listener() {
            return rows;
        }

        @Override
        public void add(QuestionResult result) {
            rows.add(result);
        }

        @Override
        public String write() throws IOException {
            rows.write(file);
            return file + " (GQA predictions JSON, " + rows.rows().size() + " questions)";
        }
    }

    record Nlvr2(Path file, Nlvr2Predictions lines) implements OfficialPredictions {
        @Override
        public Evaluator.Listener listener() {
            return lines;
        }

        @Override
        public void add(QuestionResult result) {
            lines.add(result);
        }

        @Override
        public String write() throws IOException {
            lines.write(file);
            return file + " (NLVR2 predictions CSV, " + lines.lines().size() + " pairs"
                    + (lines.unanswered() == 0
                            ? ""
                            : ", " + lines.unanswered() + " without a yes/no answer written False")
                    + ")";
        }
    }
}
