package org.sdvp.distill.experiment;

import java.nio.file.Path;

/**
 * Where an experiment's files go, under {@code out}:
 * <pre>
 *   data/TASK/{test,train}/          generated splits (+ split.json: the request they were generated from)
 *   student/                         S0 (when pretrained or copied here)
 *   teachers/TASK/                   one teacher per target task
 *   stages/seed-N/STAGE/             each distillation stage (student/, calls.jsonl, state/, stage.json,
 *                                    stage-inputs.txt, experiment-stage.json)
 *   eval/FRAMEWORK/ROW/SEED/TASK.json results.json of a row on a task's test split (SEED: seed-N or shared)
 *   eval/FRAMEWORK/ROW/SEED/TASK.questions.tsv  its score on every question (id, score), in split order
 *   examples/                        the example traces' HTML
 *   report.json, report.html
 * </pre>
 */
public record ExperimentLayout(Path out) {
    public Path data(String task) {
        return out.resolve("data").resolve(task);
    }

    public Path student() {
        return out.resolve("student");
    }

    public Path teacher(String task) {
        return out.resolve("teachers").resolve(task);
    }

    public Path stage(long seed, String id) {
        return out.resolve("stages").resolve("seed-" + seed).resolve(id);
    }

    /**
     * The experiment's summary of a stage, written when it finished (its presence marks it done; the stage's
     * own {@code stage.json} beside it is DistillStage's).
     */
    public Path stageSummary(long seed, String id) {
        return stage(seed, id).resolve("experiment-stage.json");
    }

    public Path eval(String framework, RowPlan row, String seedLabel, String task) {
        return out.resolve("eval")
                .resolve(framework)
                .resolve(row.dirName())
                .resolve(seedLabel)
                .resolve(task + ".json");
    }

    /** Every question's score behind {@link #eval} ({@code TASK.questions.tsv}): what the bootstrap intervals resample. */
    public Path evalQuestions(String framework, RowPlan row, String seedLabel, String task) {
        return eval(framework, row, seedLabel, task).resolveSibling(task + ".questions.tsv");
    }

    public Path examples() {
        return out.resolve("examples");
    }

    public Path reportJson() {
        return out.resolve("report.json");
    }

    public Path reportHtml() {
        return out.resolve("report.html");
    }
}
