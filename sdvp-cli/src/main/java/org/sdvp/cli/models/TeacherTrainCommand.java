package org.sdvp.cli.models;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sdvp.cli.support.CommonOptions;
import org.sdvp.cli.support.TrainingResume;
import org.sdvp.core.io.DataException;
import org.sdvp.models.teacher.DatasetTeacherData;
import org.sdvp.models.teacher.TeacherBuilder;
import org.sdvp.models.teacher.TeacherCoverage;
import org.sdvp.models.teacher.TeacherData;
import org.sdvp.models.teacher.TeacherPreset;
import org.sdvp.models.train.DjlSetup;
import org.sdvp.world.task.WorldTaskSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sdvp teacher train}: one task's teacher from its training split and scene annotations: a world task's
 * (drawn, or from a generated folder), or a real dataset's ({@code --dataset clevr|gqa --root DIR}).
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Train a task's teacher on its training split (drawn with the same seeds as "
                + "'sdvp world generate') and the split's scene annotations, in the task's style. The training "
                + "state is saved to OUT.state every --checkpoint-every steps: after a kill, the same command "
                + "continues where it stopped and ends with the same weights (one thread). One process per --out. "
                + "A real dataset's teacher (--dataset clevr|gqa --root DIR) trains on the first scenes of --split "
                + "whose objects fit its heads (size, colour, material, shape: CLEVR's do, GQA's open vocabulary "
                + "mostly does not) and is validated on --val-split.",
        footer = {
            "",
            "Examples:",
            "  sdvp teacher train --task gqa-sim --preset quick --out runs/teacher-gqa",
            "  sdvp teacher train --dataset clevr --root data/CLEVR_v1.0 --split train --val-split val "
                    + "--set questions=4000 --out runs/teacher-clevr"
        })
public final class TeacherTrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = {"--task", "--dataset"},
            required = true,
            paramLabel = "NAME",
            description = "A world task, e.g. gqa-sim or nlvr-sim, or a dataset with scene annotations: clevr or "
                    + "gqa (with --root DIR).")
    String task;

    @Option(
            names = "--split",
            defaultValue = "train",
            paramLabel = "SPLIT",
            description = "A dataset's training split (--dataset only). Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(
            names = "--val-split",
            defaultValue = "val",
            paramLabel = "SPLIT",
            description = "A dataset's validation split (--dataset only). Default: ${DEFAULT-VALUE}.")
    String valSplit;

    @Option(
            names = "--preset",
            defaultValue = "quick",
            paramLabel = "NAME",
            description = "quick or default. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(
            names = "--set",
            paramLabel = "NAME=VALUE",
            description = "Replace a preset setting, e.g. --set steps=1000 (questions, steps, cropBatch, frameBatch, "
                    + "learningRate). For a dataset, questions is the number of training scenes (validation: an "
                    + "eighth, at least 50).")
    Map<String, String> settings = new java.util.LinkedHashMap<>();

    @Mixin
    CommonOptions.OutDir out;

    @Mixin
    CommonOptions.Data data;

    @Mixin
    CommonOptions.Seed seed;

    @Mixin
    TrainingResume resume;

    @Override
    public Integer call() throws Exception {
        boolean world = WorldTaskSpec.isWorldTask(task);
        if (!world && !DatasetTeacherData.DATASETS.contains(task) && !"nlvr2".equals(task)) {
            try {
                WorldTaskSpec.find(task);
            } catch (DataException e) {
                throw new DataException(e.getMessage() + "; or a dataset with scene annotations: "
                        + String.join(", ", DatasetTeacherData.DATASETS) + " (--dataset NAME --root DIR)");
            }
        }
        if (!world && DatasetTeacherData.DATASETS.contains(task) && data.value == null) {
            throw new ParameterException(
                    spec.commandLine(), "--dataset " + task + " needs --root DIR: the dataset's folder");
        }
        if (world && (!"train".equals(split) || !"val".equals(valSplit))) {
            throw new ParameterException(
                    spec.commandLine(), "--split and --val-split are for --dataset; a world task trains on train, val");
        }
        TeacherPreset p;
        try {
            p = TeacherPreset.named(preset).with(settings);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        // the data is read (and refused) before anything is trained or written
        TeacherData dataset = world
                ? null
                : DatasetTeacherData.open(task, data.value)
                        .read(
                                split,
                                valSplit,
                                p.questions(),
                                TeacherBuilder.valScenes(p),
                                seed.value,
                                spec.commandLine().getErr()::println);
        WorldTaskSpec spec0 = world ? WorldTaskSpec.find(task) : null;
        DjlSetup.configure();
        TeacherBuilder.Result r;
        String command = "sdvp teacher train --task " + task
                + (world ? "" : " --root " + data.value + " --split " + split + " --val-split " + valSplit)
                + " --preset " + preset + " --seed " + seed.value + " --out " + out.value;
        try (TrainingResume.Locked locked =
                resume.open(out.value, command, spec.commandLine().getErr())) {
            r = world
                    ? new TeacherBuilder(spec0, p, seed.value).run(out.value, data.value, System.err, locked.state())
                    : TeacherBuilder.train(dataset, p, seed.value, out.value, System.err, locked.state());
        }
        var o = spec.commandLine().getOut();
        o.printf(
                Locale.ROOT, "teacher checkpoint: %s (%d parameters, task %s)%n", r.checkpoint(), r.parameters(), task);
        o.printf(Locale.ROOT, "data %.1f s, training %.1f s%n", r.dataSeconds(), r.trainSeconds());
        for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
            if (e.getKey().startsWith("train.") || e.getKey().startsWith(TeacherCoverage.PREFIX)) continue;
            o.printf(Locale.ROOT, "  %-32s %.3f%n", e.getKey(), e.getValue());
        }
        TeacherCoverage c = r.coverage();
        o.printf(Locale.ROOT, "coverage (validation accuracy per call form, recorded in config.json):%n");
        c.forms().forEach(form -> {
            double v =
                    c.value(TeacherCoverage.LOC.equals(form) ? "loc.f1" : form).orElse(Double.NaN);
            String extra = TeacherCoverage.LOC.equals(form)
                    ? String.format(
                            Locale.ROOT,
                            " (recall %.3f, precision %.3f)",
                            c.value("loc.recall").orElse(Double.NaN),
                            c.value("loc.precision").orElse(Double.NaN))
                    : "";
            o.printf(Locale.ROOT, "  %-26s %.3f on %4d calls%s%n", form, v, c.calls(form), extra);
        });
        return 0;
    }
}
