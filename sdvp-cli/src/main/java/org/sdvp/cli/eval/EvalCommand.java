package org.sdvp.cli.eval;

import java.util.concurrent.Callable;
import org.sdvp.cli.support.BenchmarkOptions;
import org.sdvp.cli.support.BenchmarkRun;
import org.sdvp.cli.support.ClusterRunner;
import org.sdvp.cli.support.CommonOptions;
import org.sdvp.cli.support.ResumableOutput;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.QuestionTraces;
import org.sdvp.core.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sdvp eval}: a task's split through a framework and backends, scored, to results.json. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Evaluate programs on a benchmark split and write the score, the per-type breakdown and "
                + "every miss. Many programs run at once so that their model calls batch.",
        footer = {
            "",
            "A run killed before it finished continues where it stopped when started again with the same "
                    + "options (FILE.journal holds the finished questions; --restart discards it). One process per --out.",
            "",
            "Beside FILE, FILE-STEM.questions.jsonl.gz holds every question's answer, program and trace (also with "
                    + "--spark); sdvp serve --runs DIR lists them and shows each rationale.",
            "",
            "On GQA (--dataset gqa) it also writes FILE-STEM.predictions.json, GQA's official predictions file "
                    + "([{\"questionId\", \"prediction\"}]); on NLVR2 FILE-STEM.predictions.csv (identifier,True|False), "
                    + "for the benchmarks' evaluation scripts (not with --spark).",
            "",
            "Examples:",
            "  sdvp eval --task gqa-sim --data data/gqa-sim --split test --modules oracle --out results.json",
            "  sdvp eval --task gqa-sim --data data/gqa-sim --split test --modules oracle --out results.json --spark local[2]"
        })
public final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BenchmarkOptions options;

    @Mixin
    CommonOptions.OutFile out;

    @Option(
            names = "--no-questions",
            description = "Do not write FILE-STEM.questions.jsonl.gz (every question's "
                    + "answer, program and trace, at most " + QuestionTraces.MAX_QUESTIONS + ", for sdvp serve).")
    boolean noQuestions;

    @Override
    public Integer call() throws Exception {
        if (BenchmarkRun.listTasksIfAsked(options, spec)) return 0;
        EvalResult result;
        QuestionTraces traces = noQuestions || options.data == null ? null : new QuestionTraces(options.data);
        String predictionsNote = null;
        if (options.spark != null) {
            result = ClusterRunner.find()
                    .evaluate(
                            new ClusterRunner.Job(
                                    options.spark,
                                    options,
                                    ClusterRunner.argsOf(spec.commandLine().getParseResult()),
                                    out.value),
                            traces);
            if (traces != null) traces.write(QuestionTraces.beside(out.value));
            Json.write(out.value, result);
        } else {
            // opened once the backends have loaded: a refused model leaves nothing beside --out
            try (ResumableOutput output = ResumableOutput.deferred(
                    "eval", out.value, options, spec.commandLine().getErr())) {
                var predictions = OfficialPredictions.of(options.task, out.value);
                result = BenchmarkRun.evaluate(
                        options, predictions.map(OfficialPredictions::listener).orElse(null), output, traces);
                // both before results.json marks the run done
                if (traces != null) traces.write(QuestionTraces.beside(out.value));
                if (predictions.isPresent()) {
                    predictions.get().restore(output.journal());
                    predictionsNote = predictions.get().write();
                }
                Json.write(out.value, result);
                output.finished();
            }
        }
        spec.commandLine().getOut().println(result.summary());
        if (!result.programs().isEmpty()) spec.commandLine().getOut().println("programs: " + result.programs());
        spec.commandLine().getOut().println("results: " + out.value);
        if (predictionsNote != null) spec.commandLine().getOut().println("predictions: " + predictionsNote);
        if (traces != null) {
            spec.commandLine()
                    .getOut()
                    .println("questions: " + QuestionTraces.beside(out.value) + " (sdvp serve shows them)");
        }
        return 0;
    }
}
