package org.sdvp.data.nlvr2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.QuestionResult;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.metric.AnswerNormalizer;

/**
 * Collects a run's answers in the format of NLVR2's evaluation script: CSV lines
 * {@code identifier,True|False}. The script has no "no answer", so an answer that is not a boolean, or a
 * failed question, is written {@code False} and counted in {@link #unanswered()}. Lines are in identifier
 * order (the same file whatever order a concurrent run finished them in); {@link #add} takes what a resumed
 * run restored. Thread-safe.
 */
public final class Nlvr2Predictions implements Evaluator.Listener {
    private final List<String> lines = new ArrayList<>();
    private int unanswered;

    @Override
    public void questionDone(Example example, QuestionResult result, Optional<Execution> execution) {
        add(result);
    }

    /** Adds one question's prediction. */
    public synchronized void add(QuestionResult result) {
        String p = result.prediction() == null ? "" : AnswerNormalizer.normalize(result.prediction());
        if (!p.equals("yes") && !p.equals("no")) unanswered++;
        lines.add(result.id() + "," + (p.equals("yes") ? "True" : "False"));
    }

    public synchronized int unanswered() {
        return unanswered;
    }

    /** The lines in identifier order. */
    public synchronized List<String> lines() {
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        return sorted;
    }

    public synchronized void write(Path file) throws IOException {
        AtomicFiles.writeString(file, String.join("\n", lines()) + "\n");
    }
}
