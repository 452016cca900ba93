package org.sdvp.cli.models;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sdvp.cli.support.CommonOptions;
import org.sdvp.cli.support.TrainingResume;
import org.sdvp.models.train.DjlSetup;
import org.sdvp.models.vlm.PretrainPreset;
import org.sdvp.models.vlm.Pretrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sdvp pretrain}: the general student VLM on the world's general styles. */
@Command(
        name = "pretrain",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Pretrain the general student VLM (VQA, grounding, image-text matching) on fresh scenes in "
                    + "the world's general styles; the target tasks' data and styles are left out.",
            "Writes a checkpoint folder (model.params + config.json with architecture, vocabularies, seed, data "
                    + "recipe and metrics). The training state is saved to OUT.state every --checkpoint-every steps: "
                    + "after a kill, the same command continues where it stopped and ends with the same weights "
                    + "(one thread). One process per --out."
        },
        footer = {
            "",
            "Examples:",
            "  sdvp pretrain --preset quick --out runs/student-quick",
            "  sdvp pretrain --preset quick --set steps=1500 --arch groundedPooling=false --out runs/ablation"
        })
public final class PretrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--preset",
            defaultValue = "quick",
            paramLabel = "NAME",
            description = "quick (a few minutes) or default. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Mixin
    CommonOptions.OutDir out;

    @Mixin
    CommonOptions.Seed seed;

    @Mixin
    TrainingResume resume;

    @Option(
            names = "--set",
            paramLabel = "NAME=VALUE",
            description = "Replace a preset setting, e.g. --set steps=1500 --set locBatch=16 (scenes, evalScenes, "
                    + "steps, vqaBatch, matchBatch, locBatch, learningRate).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(
            names = "--arch",
            paramLabel = "NAME=VALUE",
            description = "Replace an architecture setting, e.g. --arch groundedPooling=false --arch locDilations=2,1 "
                    + "(the fields of config.json's architecture; docs/models.md).")
    Map<String, String> architecture = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        PretrainPreset p;
        try {
            p = PretrainPreset.named(preset).with(settings, architecture);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        DjlSetup.configure();
        Pretrainer.Result r;
        try (TrainingResume.Locked locked = resume.open(
                out.value,
                "sdvp pretrain --preset " + preset + " --seed " + seed.value + " --out " + out.value,
                spec.commandLine().getErr())) {
            r = new Pretrainer(p, seed.value).run(out.value, System.err, locked.state());
        }
        var o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "student checkpoint: %s (%d parameters)%n", r.checkpoint(), r.parameters());
        o.printf(
                Locale.ROOT,
                "data %.1f s, training %.1f s (%.0f samples/s)%n",
                r.dataSeconds(),
                r.trainSeconds(),
                r.samplesPerSecond());
        for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
            if (!e.getKey().startsWith("train.")) o.printf(Locale.ROOT, "  %-32s %.3f%n", e.getKey(), e.getValue());
        }
        return 0;
    }
}
