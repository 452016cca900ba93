package org.sdvp.cli.models;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sdvp.cli.support.Backends;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.ModelServices;
import org.sdvp.models.data.SubTaskSampler;
import org.sdvp.models.eval.SubTaskEvaluation;
import org.sdvp.models.train.DjlSetup;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.world.task.WorldTaskSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sdvp eval-modules}: sub-task accuracy of a backend chain on a task's split. */
@Command(name = "eval-modules", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure model backends on the sub-task calls of a task's split, in the task's style: "
                + "VQA accuracy by question form, image-text matching accuracy, LOC recall/precision at IoU 0.5.",
        footer = {"", "Example:",
            "  sdvp eval-modules --task gqa-sim --modules teacher:runs/teacher-gqa,vlm:runs/student"})
public final class EvalModulesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--task", required = true, paramLabel = "NAME", description = "A world task.")
    String task;

    @Option(names = "--modules", required = true, paramLabel = "SPEC", description = Backends.MODULES_HELP)
    String modules;

    @Option(names = "--split", defaultValue = "val", paramLabel = "SPLIT", description = "Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--questions", defaultValue = "200", paramLabel = "N",
            description = "Questions of the split whose scenes are sampled. Default: ${DEFAULT-VALUE}.")
    int questions;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Split seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the metrics as JSON.")
    Path out;

    @Override
    public Integer call() throws Exception {
        WorldTaskSpec t = WorldTaskSpec.find(task);
        DjlSetup.configure();
        SubTaskSet calls = SubTaskEvaluation.calls(t, split, questions, seed, new SubTaskSampler(2, 2, 2, 2, 0));
        Map<String, Double> m;
        try (ModelServices services = Backends.load(modules, null)) {
            m = SubTaskEvaluation.evaluate(services, calls);
        }
        var o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s %s (%s style), modules %s%n", task, split, t.defaultStyle(), modules);
        m.forEach((k, v) -> o.printf(Locale.ROOT, "  %-28s %s%n", k,
                k.endsWith(".calls") ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.3f", v)));
        if (out != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("task", task);
            report.put("split", split);
            report.put("modules", modules);
            report.put("seed", seed);
            report.put("metrics", m);
            Json.write(out, report);
        }
        return 0;
    }
}
