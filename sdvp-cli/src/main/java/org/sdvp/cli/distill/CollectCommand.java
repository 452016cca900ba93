package org.sdvp.cli.distill;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sdvp.cli.support.BenchmarkOptions;
import org.sdvp.cli.support.BenchmarkRun;
import org.sdvp.core.io.Json;
import org.sdvp.distill.trace.CallsFile;
import org.sdvp.distill.trace.CollectedCalls;
import org.sdvp.distill.trace.TraceCollector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sdvp collect}: the distillable sub-task calls of a task's programs, for SDVP. */
@Command(name = "collect", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a task's programs and collect every call to a distillable module (LOC, VQA, "
                + "image-text matching) with the provenance of the pixels it saw and whether the program's answer "
                + "was right (answer-consistent filtering). Teacher-driven collection: --modules teacher:DIR,vlm:DIR.",
        footer = {"", "Writes FILE (JSON lines, one call per line) and FILE.summary.json (counts, score, provenance).",
            "", "Example:",
            "  sdvp collect --task gqa-sim --data data/gqa-sim --split train --modules oracle --out calls.jsonl"})
public final class CollectCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin BenchmarkOptions options;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the calls.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (BenchmarkRun.listTasksIfAsked(options, spec)) return 0;
        CollectedCalls calls = BenchmarkRun.run(options, (task, fw, programs, examples, gateway, bar) ->
                new TraceCollector(task, fw, programs, options.concurrency, options.samples).collect(examples, options.split, gateway,
                        options.provenance(), BenchmarkRun.progress(bar, null)));
        CallsFile.write(out, calls.calls());
        Json.write(out.resolveSibling(out.getFileName() + ".summary.json"), new Summary(calls.questions(),
                calls.consistent(), calls.callsByKind(), calls.consistentByKind(), calls.evaluation().summary(),
                calls.evaluation().provenance()));
        spec.commandLine().getOut().println(calls.summary());
        spec.commandLine().getOut().println("calls: " + out);
        return 0;
    }

    record Summary(int questions, int answerConsistent, java.util.Map<String, Integer> callsByKind,
                   java.util.Map<String, Integer> consistentCallsByKind, String evaluation,
                   java.util.Map<String, String> provenance) {}
}
