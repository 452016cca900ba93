package org.sdvp.cli.models;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sdvp.models.checkpoint.Calibration;
import org.sdvp.models.train.DjlSetup;
import org.sdvp.models.vlm.LocCalibration;
import org.sdvp.models.vlm.PretrainPreset;
import org.sdvp.models.vlm.Pretrainer;
import org.sdvp.models.vlm.VlmModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sdvp calibrate}: chooses a student checkpoint's grounding threshold on fresh validation scenes of the
 * general styles (what {@code sdvp pretrain} does at its end), for checkpoints trained before that existed.
 */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Choose a student checkpoint's grounding (LOC) threshold on fresh validation scenes of the "
                    + "general styles: the best F1 at IoU 0.5 over 0.10..0.70. Never uses a task's split.",
            "Prints the curve and the held-out LOC recall/precision before and after, and stores the threshold "
                    + "with the checkpoint (config.json → calibration); SDVP stages inherit it."
        },
        footer = {"", "Example:", "  sdvp calibrate --checkpoint models/student-default"})
public final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "A student (vlm) checkpoint.")
    Path checkpoint;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Write the calibrated checkpoint here instead of updating --checkpoint in place.")
    Path out;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of the validation and held-out scenes. Default: the checkpoint's pretraining seed.")
    Long seed;

    @Override
    public Integer call() throws Exception {
        DjlSetup.configure();
        var o = spec.commandLine().getOut();
        PretrainPreset preset = PretrainPreset.standard();
        try (VlmModel vlm = VlmModel.load(checkpoint)) {
            long s = seed != null
                    ? seed
                    : vlm.provenance() == null ? 1 : vlm.provenance().seed();
            var heldOut = Pretrainer.heldOutSets(preset, s);
            double before = vlm.locThreshold();
            Map<String, Double> old = Pretrainer.evaluate(vlm, heldOut);
            var curve = LocCalibration.curve(vlm, Pretrainer.calibrationSet(preset, s));
            o.println("threshold  recall  precision  F1   (validation scenes)");
            for (var p : curve) {
                o.printf(
                        Locale.ROOT,
                        "  %.2f     %.3f   %.3f      %.3f%n",
                        p.threshold(),
                        p.recall(),
                        p.precision(),
                        p.f1());
            }
            vlm.calibrate(LocCalibration.choose(curve, Pretrainer.calibrationDescription(preset, s)));
            Map<String, Double> now = Pretrainer.evaluate(vlm, heldOut);
            Calibration c = vlm.calibration().withHeldOut(now);
            vlm.calibrate(c);
            o.printf(
                    Locale.ROOT,
                    "chosen threshold %.2f (was %.2f); held-out LOC recall / precision:%n",
                    c.locThreshold(),
                    before);
            for (String set : heldOut.keySet()) {
                o.printf(
                        Locale.ROOT,
                        "  %-8s %.3f / %.3f  ->  %.3f / %.3f%n",
                        set,
                        old.get(set + ".loc.recall"),
                        old.get(set + ".loc.precision"),
                        now.get(set + ".loc.recall"),
                        now.get(set + ".loc.precision"));
            }
            Path target = out != null ? out : checkpoint;
            vlm.save(target, vlm.provenance());
            o.println("calibrated checkpoint: " + target);
        }
        return 0;
    }
}
