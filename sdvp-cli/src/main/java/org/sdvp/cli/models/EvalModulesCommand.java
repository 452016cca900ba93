package org.sdvp.cli.models;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sdvp.cli.support.Backends;
import org.sdvp.cli.support.CommonOptions;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.ModelServices;
import org.sdvp.models.data.SubTaskSampler;
import org.sdvp.models.eval.ProgramCallEvaluation;
import org.sdvp.models.eval.SubTaskEvaluation;
import org.sdvp.models.train.DjlSetup;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.world.task.WorldTaskSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sdvp eval-modules}: sub-task accuracy of a backend chain on calls sampled from a task's split, or
 * on the calls its programs really made ({@code --calls}, graded by the oracle).
 */
@Command(
        name = "eval-modules",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Measure model backends on the sub-task calls of a task's split, in the task's style: "
                + "VQA accuracy by question form, image-text matching accuracy, LOC recall/precision at IoU 0.5.",
        footer = {
            "",
            "Example:",
            "  sdvp eval-modules --task gqa-sim --modules teacher:runs/teacher-gqa,vlm:runs/student",
            "  sdvp eval-modules --task gqa-sim --calls calls.jsonl --data data/gqa-sim --modules vlm:runs/student",
            "  sdvp eval-modules --dataset clevr --root data/clevr --calls val-calls.jsonl --modules torchscript:models/vilt"
        })
public final class EvalModulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = {"--task", "--dataset"},
            required = true,
            paramLabel = "NAME",
            description = "A world task; with --calls also a real dataset (--dataset clevr|gqa --root DIR).")
    String task;

    @Option(names = "--modules", required = true, paramLabel = "SPEC", description = Backends.MODULES_HELP)
    String modules;

    @Option(names = "--split", defaultValue = "val", paramLabel = "SPLIT", description = "Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(
            names = "--questions",
            defaultValue = "200",
            paramLabel = "N",
            description = "Questions of the split whose scenes are sampled. Default: ${DEFAULT-VALUE}.")
    int questions;

    @Mixin
    CommonOptions.Seed seed;

    @Option(
            names = "--calls",
            paramLabel = "FILE",
            description = "Measure on the calls a task's programs made (a calls.jsonl from 'sdvp collect'), their "
                    + "pixels re-cut from the recorded images, graded against the oracle's answers; needs --data. "
                    + "Without it, calls are sampled from the split's scenes.")
    Path calls;

    @Mixin
    CommonOptions.Data data;

    @Option(
            names = "--gold",
            paramLabel = "SPEC",
            description = "With --calls: the backend whose answers count as right (any --modules chain, e.g. "
                    + "teacher:DIR to measure agreement with a teacher; calls it does not cover are not graded). "
                    + "Default: oracle for a world task, clevr-oracle for clevr, gqa-oracle for gqa.")
    String gold;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the metrics as JSON.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (calls == null
                && !WorldTaskSpec.isWorldTask(task)
                && Tasks.installed().containsKey(task)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--dataset " + task + " needs --calls FILE (from 'sdvp collect --dataset " + task
                            + "'): calls are sampled from scenes only for world tasks");
        }
        if (calls != null && data.value == null && gold == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--calls needs --data DIR: the gold answers come from "
                            + "the oracle on that folder's scene annotations");
        }
        DjlSetup.configure();
        Map<String, Double> m;
        var o = spec.commandLine().getOut();
        if (calls == null) {
            WorldTaskSpec t = WorldTaskSpec.find(task);
            SubTaskSet sampled =
                    SubTaskEvaluation.calls(t, split, questions, seed.value, new SubTaskSampler(2, 2, 2, 2, 0));
            try (ModelServices services = Backends.load(modules, data.value)) {
                m = SubTaskEvaluation.evaluate(services, sampled);
            }
            o.printf(Locale.ROOT, "%s %s (%s style), modules %s%n", task, split, t.defaultStyle(), modules);
        } else {
            Tasks.find(task);
            String goldSpec = goldSpec();
            ProgramCalls.Loaded loaded = ProgramCalls.load(calls);
            try (ModelServices services = Backends.load(modules, data.value);
                    ModelServices goldServices = Backends.load(goldSpec, data.value)) {
                m = ProgramCallEvaluation.evaluate(services, goldServices, loaded.calls());
            }
            o.printf(
                    Locale.ROOT,
                    "%s program calls %s (%d calls, %d without image), gold: %s on %s, modules %s%n",
                    task,
                    calls,
                    loaded.calls().size() + loaded.missing(),
                    loaded.missing(),
                    goldSpec,
                    data.value,
                    modules);
            if (loaded.missing() > 0) {
                spec.commandLine()
                        .getErr()
                        .println("sdvp: " + loaded.missing() + " calls skipped, their images could "
                                + "not be re-cut; first reasons: " + loaded.failures());
            }
        }
        m.forEach((k, v) -> o.printf(
                Locale.ROOT,
                "  %-28s %s%n",
                k,
                k.endsWith(".calls") || k.endsWith(".ungraded") || k.endsWith(".uncovered")
                        ? String.valueOf(v.longValue())
                        : String.format(Locale.ROOT, "%.3f", v)));
        if (out != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("task", task);
            if (calls == null) report.put("split", split);
            report.put("modules", modules);
            if (calls == null) report.put("seed", seed.value);
            else {
                report.put("calls", calls.toAbsolutePath().toString());
                if (data.value != null)
                    report.put("data", data.value.toAbsolutePath().toString());
                report.put("gold", goldSpec());
            }
            report.put("metrics", m);
            Json.write(out, report);
        }
        return 0;
    }

    /** {@code --gold}, or the task's own annotations: the world oracle, or the dataset's. */
    private String goldSpec() {
        if (gold != null) return gold;
        if (WorldTaskSpec.isWorldTask(task)) return "oracle";
        return switch (task) {
            case "clevr" -> "clevr-oracle";
            case "gqa" -> "gqa-oracle";
            default ->
                throw new ParameterException(
                        spec.commandLine(),
                        "--dataset " + task + " has no scene annotations to grade calls by: pass --gold SPEC");
        };
    }
}
