package org.sdvp.distill.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.trace.Trace;

/** Evaluates a row on one task's split (an interface so that tests can stand in for model evaluation). */
public interface RowEvaluator {
    /**
     * One evaluation: {@code sdvp eval --task TASK --data DATA --split SPLIT --framework FW --modules MODULES}.
     *
     * @param provenance recorded in the result
     */
    record Job(
            String task,
            Path data,
            String split,
            String framework,
            String modules,
            int concurrency,
            Map<String, String> provenance) {}

    EvalResult evaluate(Job job) throws Exception;

    /**
     * As {@link #evaluate(Job)}, also recording every question's answer and trace to {@code questions}
     * (gzip JSON lines, read by {@code sdvp serve}); an evaluator without traces records nothing.
     */
    default EvalResult evaluate(Job job, Path questions) throws Exception {
        return evaluate(job);
    }

    /** A question's execution, for the report's example traces. */
    record Traced(String id, String question, Trace trace, String outcome, boolean failed) {}

    /** Runs only the questions {@code ids} of the job's split and returns their traces (in split order). */
    List<Traced> trace(Job job, Set<String> ids) throws Exception;
}
