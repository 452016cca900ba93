package org.sdvp.cli.distill;

import java.util.concurrent.Callable;
import org.sdvp.cli.support.BenchmarkOptions;
import org.sdvp.cli.support.BenchmarkRun;
import org.sdvp.cli.support.ClusterRunner;
import org.sdvp.cli.support.CommonOptions;
import org.sdvp.cli.support.ResumableOutput;
import org.sdvp.core.io.Json;
import org.sdvp.core.io.Sha256;
import org.sdvp.distill.trace.CallsFile;
import org.sdvp.distill.trace.CollectedCalls;
import org.sdvp.distill.trace.TraceCollector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sdvp collect}: the distillable sub-task calls of a task's programs, for SDVP. */
@Command(
        name = "collect",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Run a task's programs and collect every call to a distillable module (LOC, VQA, "
                + "image-text matching) with the provenance of the pixels it saw and whether the program's answer "
                + "was right (answer-consistent filtering). Teacher-driven collection: --modules teacher:DIR,vlm:DIR.",
        footer = {
            "",
            "Writes FILE (JSON lines, one call per line) and then FILE.summary.json (counts, score, errors by "
                    + "reason, the calls file's SHA-256, provenance). A run killed before it finished continues where it "
                    + "stopped when started again with the same options (--restart discards FILE.journal). One process per --out.",
            "",
            "Example:",
            "  sdvp collect --task gqa-sim --data data/gqa-sim --split train --modules oracle --out calls.jsonl"
        })
public final class CollectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BenchmarkOptions options;

    @Mixin
    CommonOptions.OutFile out;

    @Override
    public Integer call() throws Exception {
        if (BenchmarkRun.listTasksIfAsked(options, spec)) return 0;
        if (options.spark != null) {
            // the cluster runner streams the calls to FILE itself: a large split's calls never sit in one list
            spec.commandLine()
                    .getOut()
                    .println(ClusterRunner.find()
                            .collect(new ClusterRunner.Job(
                                    options.spark,
                                    options,
                                    ClusterRunner.argsOf(spec.commandLine().getParseResult()),
                                    out.value)));
            spec.commandLine().getOut().println("calls: " + out.value);
            return 0;
        }
        CollectedCalls calls;
        // opened once the backends have loaded: a refused model leaves nothing beside --out
        try (ResumableOutput output = ResumableOutput.deferred(
                "collect", out.value, options, spec.commandLine().getErr())) {
            calls = BenchmarkRun.run(options, output, (task, fw, programs, examples, gateway, bar) -> {
                bar.stepBy(output.journal().restored().size());
                return new TraceCollector(task, fw, programs, options.concurrency, options.samples)
                        .collect(
                                examples,
                                options.split,
                                gateway,
                                options.provenance(),
                                BenchmarkRun.progress(bar, null),
                                output.journal());
            });
            CallsFile.write(out.value, calls.calls());
            // the summary is written last and names the calls file's hash: a calls file without a summary
            // that matches it is not a finished collection
            Json.write(
                    out.value.resolveSibling(out.value.getFileName() + ".summary.json"),
                    new Summary(
                            calls.questions(),
                            calls.consistent(),
                            calls.callsByKind(),
                            calls.consistentByKind(),
                            calls.evaluation().summary(),
                            calls.evaluation().errorsByReason(),
                            Sha256.of(out.value),
                            calls.evaluation().provenance()));
            output.finished();
        }
        spec.commandLine().getOut().println(calls.summary());
        spec.commandLine().getOut().println("calls: " + out.value);
        return 0;
    }

    /** {@code FILE.summary.json}; sdvp-spark writes the same record for {@code --spark}. */
    public record Summary(
            int questions,
            int answerConsistent,
            java.util.Map<String, Integer> callsByKind,
            java.util.Map<String, Integer> consistentCallsByKind,
            String evaluation,
            java.util.Map<String, Integer> errorsByReason,
            String callsSha256,
            java.util.Map<String, String> provenance) {}
}
