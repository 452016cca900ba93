package org.sdvp.cli.eval;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.DoubleAdder;
import me.tongfei.progressbar.ProgressBar;
import org.sdvp.cli.support.Backends;
import org.sdvp.cli.support.Progress;
import org.sdvp.core.Version;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.interp.Framework;
import org.sdvp.core.interp.Frameworks;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.source.DatasetPrograms;
import org.sdvp.core.source.ProgramSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sdvp eval}: a task's split through a framework and backends, scored, to results.json. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate programs on a benchmark split and write the score, per-type breakdown and every miss.",
            "Many programs run at once so that their model calls are batched (--concurrency)."},
        footer = {"", "Example:",
            "  sdvp eval --task gqa-sim --data data/gqa-sim --split test --modules oracle --out results.json"})
public final class EvalCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"--task", "--dataset"}, required = true, paramLabel = "NAME",
            description = "The benchmark: a world task (gqa-sim, nlvr-sim, count-sim, ref-sim, tag-sim) or a real "
                    + "dataset (gqa, nlvr2, clevr). 'sdvp eval --task list' lists the installed ones.")
    String taskName;

    @Option(names = {"--data", "--root"}, required = true, paramLabel = "DIR", description = "The task's data folder.")
    Path data;

    @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT", description = "Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--framework", defaultValue = "visprog", paramLabel = "NAME",
            description = "visprog or viper. Default: ${DEFAULT-VALUE}.")
    String framework;

    @Option(names = "--modules", required = true, paramLabel = "SPEC", description = Backends.MODULES_HELP)
    String modules;

    @Option(names = "--limit", paramLabel = "N", description = "Evaluate only the first N questions.")
    Integer limit;

    @Option(names = "--concurrency", defaultValue = "16", paramLabel = "N",
            description = "Programs run at once; their model calls batch together. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write results.json.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (taskName.equals("list")) {
            Tasks.installed().values().forEach(t ->
                    spec.commandLine().getOut().printf("%-10s %s%n", t.name(), t.description()));
            return 0;
        }
        Task task = Tasks.find(taskName);
        Framework fw = Frameworks.create(framework);
        ProgramSource programs = new DatasetPrograms();
        EvalResult result;
        try (ExampleSource examples = Limited.of(task.open(data, split), limit);
             ModelServices services = Backends.load(modules, data);
             ModelGateway gateway = new ModelGateway(services);
             ProgressBar bar = Progress.bar("eval " + task.name(), examples.size().orElse(-1), "q")) {
            DoubleAdder scored = new DoubleAdder();
            Evaluator evaluator = new Evaluator(task, fw, programs, gateway, concurrency);
            result = evaluator.run(examples, split, provenance(programs), (ex, r, execution) -> {
                scored.add(r.score());
                synchronized (bar) {
                    bar.step();
                    bar.setExtraMessage(String.format(Locale.ROOT, " score %.3f", scored.sum() / bar.getCurrent()));
                }
            });
        }
        Json.write(out, result);
        spec.commandLine().getOut().println(result.summary());
        spec.commandLine().getOut().println("results: " + out);
        return 0;
    }

    private Map<String, String> provenance(ProgramSource programs) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("data", data.toAbsolutePath().normalize().toString());
        p.put("programs", programs.name());
        p.put("concurrency", Integer.toString(concurrency));
        p.put("limit", limit == null ? "none" : limit.toString());
        p.put("sdvp", Version.describe());
        p.put("java", System.getProperty("java.version"));
        return p;
    }
}
