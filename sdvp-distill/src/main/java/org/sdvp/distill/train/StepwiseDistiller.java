package org.sdvp.distill.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.core.io.ProgressBars;
import org.sdvp.distill.label.DistillSet;
import org.sdvp.models.nn.Tensors;
import org.sdvp.models.train.SavableAdam;
import org.sdvp.models.train.StepLoop;
import org.sdvp.models.vlm.VlmModel;
import org.sdvp.models.vlm.VlmTrainer;

/**
 * SDVP step 4: trains the student in place on a stage's pseudo-labels and, with self-distillation on, on
 * replay targets labelled by the frozen previous student (the loss is documented on {@link DistillConfig}).
 *
 * <p>Resumable and deterministic: every step's draws come from a generator seeded by (seed, step), the
 * learning rate is a function of the step, and the optimiser's state is saved with the weights, so a run
 * resumed from a checkpoint takes the same steps as the uninterrupted run (with one PyTorch thread).
 */
public final class StepwiseDistiller {
    /**
     * @param lossCurve   mean loss per window of steps, over the whole run (a resumed run includes the
     *                    windows before the interruption)
     * @param window      steps per curve point
     * @param steps       steps run in total (including those before a resume)
     * @param resumedFrom the step the run resumed from (0 for a fresh run)
     * @param seconds     wall time of this process's part
     * @param skippedSteps steps of this process's part whose loss or gradients were not finite, so no update
     *                     was applied ({@link StepLoop#MAX_SKIPPED_SHARE})
     */
    public record Result(
            List<Double> lossCurve,
            int window,
            int steps,
            int resumedFrom,
            double seconds,
            double samplesPerSecond,
            int skippedSteps) {}

    private final DistillConfig config;

    public StepwiseDistiller(DistillConfig config) {
        this.config = config;
    }

    /**
     * Trains {@code student} (S_prev, loaded) in place on {@code targets} and {@code replay}; writes resumable
     * state to {@code stateDir} every {@code config.checkpointEvery()} steps (at least once per epoch of
     * the pseudo-labels) and at the end.
     *
     * @param resume continue from {@code stateDir}'s newest state (a fresh start when it holds none)
     * @throws DataException when the saved state was made with another config or other data
     */
    public Result distill(
            VlmModel student,
            DistillSet targets,
            DistillSet replay,
            Path stateDir,
            boolean resume,
            PrintStream progress)
            throws IOException, DataException {
        return distillUntil(student, targets, replay, stateDir, resume, progress, config.steps());
    }

    /**
     * {@link #distill} that stops after step {@code stopAt} (with state saved there) as a killed run would:
     * how tests check that resuming gives the uninterrupted result.
     */
    Result distillUntil(
            VlmModel student,
            DistillSet targets,
            DistillSet replay,
            Path stateDir,
            boolean resume,
            PrintStream progress,
            int stopAt)
            throws IOException, DataException {
        DistillConfig c = config;
        DistillSet rep = c.selfDistills() ? replay : DistillSet.empty();
        Batches batches = new Batches(c, targets, rep);
        if (batches.perStep() == 0)
            throw new IllegalArgumentException("no distillation targets for the configured batches");
        // through text, so a saved config (read back as doubles) compares equal to a fresh one (floats)
        JsonNode configJson = Json.mapper().readTree(Json.mapper().writeValueAsString(c));
        String dataSha = targets.sha256() + "+" + rep.sha256();
        DistillState state = new DistillState(stateDir);
        org.sdvp.models.train.TrainingState.Info saved = resume ? state.latest() : null;
        if (saved != null) {
            if (!saved.config().equals(configJson)) {
                throw new DataException(stateDir + " was written with another distillation config: "
                        + String.join("; ", org.sdvp.core.io.Json.differences(saved.config(), configJson, "config")));
            }
            if (!saved.dataSha256().equals(dataSha)) {
                throw new DataException(stateDir + " was written for other distillation data (SHA-256 differs)");
            }
            state.loadParameters(student);
        }
        int first = saved == null ? 0 : saved.step();
        List<Double> curve = new ArrayList<>(saved == null ? List.of() : saved.curve());
        int window = window(c);
        int every = checkpointInterval(c.checkpointEvery(), batches.stepsPerEpoch(), window);
        student.block().freezeEncoderUnits(c.frozenUnits());
        SavableAdam adam = new SavableAdam(
                student.block(),
                StepLoop.cosineWithWarmup(c.learningRate(), 0.05f, c.steps(), c.warmupSteps()),
                0.9f,
                VlmTrainer.ADAM_BETA2,
                1e-8f);
        DefaultTrainingConfig tc =
                new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam).optDevices(new Device[] {Device.cpu()});
        TargetLosses pseudo = TargetLosses.pseudoLabels(student, c);
        TargetLosses self = TargetLosses.replay(student);
        try (Trainer trainer = student.model().newTrainer(tc)) {
            trainer.initialize(student.block().inputShapes(student.words().size()));
            VlmTrainer.warmUp(student, trainer);
            if (saved != null) state.loadOptimizer(adam, student);
            if (first >= c.steps()) {
                return new Result(curve, window, c.steps(), first, 0, 0, 0);
            }
            StepLoop loop = new StepLoop(trainer, "distill", ProgressBars.orNone(progress));
            StepLoop.Result r = loop.run(
                    first,
                    Math.min(stopAt, c.steps()),
                    batches.perStep(),
                    window,
                    (m, step, backward) -> {
                        ParameterStore ps = new ParameterStore(m, false);
                        Batches.Drawn b = batches.draw(step);
                        float total = 0;
                        for (NDArray l : pseudo.vqa(m, ps, b.vqa()))
                            total += apply(Tensors.scale(l, c.vqaWeight()), backward);
                        for (NDArray l : pseudo.match(m, ps, b.match()))
                            total += apply(Tensors.scale(l, c.matchWeight()), backward);
                        if (!b.loc().isEmpty())
                            total += apply(Tensors.scale(pseudo.loc(m, ps, b.loc()), c.locWeight()), backward);
                        for (NDArray l : self.vqa(m, ps, b.replayVqa()))
                            total += apply(Tensors.scale(l, c.beta()), backward);
                        for (NDArray l : self.match(m, ps, b.replayMatch()))
                            total += apply(Tensors.scale(l, c.beta()), backward);
                        if (!b.replayLoc().isEmpty())
                            total += apply(Tensors.scale(self.loc(m, ps, b.replayLoc()), c.beta()), backward);
                        return total;
                    },
                    (done, curveSoFar) -> {
                        if (done % every == 0 || done == c.steps() || done == stopAt) {
                            List<Double> all = new ArrayList<>(curve);
                            all.addAll(curveSoFar);
                            try {
                                state.save(done, all, configJson, dataSha, student, adam);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(
                                        "cannot write the distillation state to " + stateDir, e);
                            }
                        }
                    });
            curve.addAll(r.lossCurve());
            return new Result(curve, window, c.steps(), first, r.seconds(), r.samplesPerSecond(), r.skippedSteps());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } finally {
            student.block().freezeEncoderUnits(0);
        }
    }

    /**
     * Steps between saved states: {@code checkpointEvery}, but at least once per epoch of the pseudo-labels,
     * rounded down to whole loss-curve windows so that a resumed curve matches an uninterrupted one.
     */
    static int checkpointInterval(int checkpointEvery, int stepsPerEpoch, int window) {
        int every = Math.min(checkpointEvery, stepsPerEpoch);
        return Math.max(window, every / window * window);
    }

    /** Steps per loss-curve point: about 50 points, dividing the checkpoint interval (so resumed curves match). */
    static int window(DistillConfig c) {
        int target = Math.max(1, c.steps() / 50);
        for (int w = target; w > 1; w--) if (c.checkpointEvery() % w == 0) return w;
        return 1;
    }

    private static float apply(NDArray loss, Consumer<NDArray> backward) {
        float v = loss.getFloat();
        backward.accept(loss);
        return v;
    }

    /** The per-step draws: a generator seeded by (seed, step), so any step's batch can be drawn again. */
    static final class Batches {
        record Drawn(
                List<org.sdvp.distill.label.DistillTarget.Vqa> vqa,
                List<org.sdvp.distill.label.DistillTarget.Match> match,
                List<org.sdvp.distill.label.DistillTarget.Loc> loc,
                List<org.sdvp.distill.label.DistillTarget.Vqa> replayVqa,
                List<org.sdvp.distill.label.DistillTarget.Match> replayMatch,
                List<org.sdvp.distill.label.DistillTarget.Loc> replayLoc) {}

        private final DistillConfig c;
        private final DistillSet targets;
        private final DistillSet replay;

        Batches(DistillConfig c, DistillSet targets, DistillSet replay) {
            this.c = c;
            this.targets = targets;
            this.replay = replay;
        }

        int perStep() {
            return n(targets.vqa(), c.vqaBatch())
                    + n(targets.match(), c.matchBatch())
                    + n(targets.loc(), c.locBatch())
                    + n(replay.vqa(), c.replayVqa())
                    + n(replay.match(), c.replayMatch())
                    + n(replay.loc(), c.replayLoc());
        }

        /** Steps that draw as many pseudo-labels as the set holds (replay, when there are none). */
        int stepsPerEpoch() {
            DistillSet main = targets.isEmpty() ? replay : targets;
            int perStep = main == targets
                    ? n(targets.vqa(), c.vqaBatch())
                            + n(targets.match(), c.matchBatch())
                            + n(targets.loc(), c.locBatch())
                    : n(replay.vqa(), c.replayVqa())
                            + n(replay.match(), c.replayMatch())
                            + n(replay.loc(), c.replayLoc());
            return perStep == 0 ? Integer.MAX_VALUE : Math.max(1, (main.size() + perStep - 1) / perStep);
        }

        Drawn draw(int step) {
            SplittableRandom r = new SplittableRandom(c.seed() * 0x9E3779B97F4A7C15L + step);
            return new Drawn(
                    draw(targets.vqa(), c.vqaBatch(), r.split()),
                    draw(targets.match(), c.matchBatch(), r.split()),
                    draw(targets.loc(), c.locBatch(), r.split()),
                    draw(replay.vqa(), c.replayVqa(), r.split()),
                    draw(replay.match(), c.replayMatch(), r.split()),
                    draw(replay.loc(), c.replayLoc(), r.split()));
        }

        private static int n(List<?> from, int batch) {
            return from.isEmpty() ? 0 : batch;
        }

        private static <T> List<T> draw(List<T> from, int n, SplittableRandom r) {
            if (from.isEmpty()) return List.of();
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(from.get(r.nextInt(from.size())));
            return out;
        }
    }
}
