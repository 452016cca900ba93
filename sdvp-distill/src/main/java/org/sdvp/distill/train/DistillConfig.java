package org.sdvp.distill.train;

import java.util.Map;
import org.sdvp.core.io.RecordSettings;

/**
 * The stepwise distillation loss and its optimisation (SDVP.md step 4). Per step the distiller draws
 * {@code vqaBatch}/{@code matchBatch}/{@code locBatch} pseudo-labelled targets and
 * {@code replayVqa}/{@code replayMatch}/{@code replayLoc} replay targets and minimises
 *
 * <pre>
 *   Σ_m λ_m · [ klWeight · τ² · KL(p_t^(1/τ) ‖ softmax(z_s/τ)) + ceWeight · CE(argmax p_t, z_s) ]   (VQA; MATCH alike, binary)
 * + λ_LOC · (objectness BCE + box L1 against the teacher's boxes)
 * + β · [ KL(S_prev ‖ S_new) on replay targets ]                                                         (self-distillation)
 * </pre>
 *
 * @param locPositiveWeight weight of an object cell in the LOC objectness loss on pseudo-labels (pretraining
 *     uses 4, which favours recall: the student fires on cells it is unsure of)
 * @param frozenUnits the first conv units of the student kept fixed (the prototype measured less forgetting
 *     and faster steps with 2)
 * @param checkpointEvery steps between resumable checkpoints (and at the end)
 */
public record DistillConfig(int steps, int vqaBatch, int matchBatch, int locBatch, int replayVqa, int replayMatch,
                            int replayLoc, float learningRate, int warmupSteps, float tau, float klWeight,
                            float ceWeight, float beta, float vqaWeight, float matchWeight, float locWeight,
                            float locPositiveWeight, int frozenUnits, int checkpointEvery, long seed) {

    public DistillConfig {
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1: " + steps);
        if (tau <= 0) throw new IllegalArgumentException("tau must be > 0: " + tau);
        if (Math.min(Math.min(vqaBatch, matchBatch), Math.min(locBatch, Math.min(replayVqa, Math.min(replayMatch, replayLoc)))) < 0) {
            throw new IllegalArgumentException("batch sizes must be >= 0");
        }
        if (!(locPositiveWeight > 0)) throw new IllegalArgumentException("locPositiveWeight must be > 0: " + locPositiveWeight);
        if (checkpointEvery < 1) throw new IllegalArgumentException("checkpointEvery must be >= 1");
    }

    /**
     * SDVP's defaults (docs/sdvp.md explains each). 12 LOC pseudo-labels per step (was 4) was chosen for student
     * v2 on the val splits of both targets (docs/results.md): with 4, the 200 steps saw each LOC label about
     * 0.6 times against five times each VQA label.
     */
    public static DistillConfig defaults(int steps, long seed) {
        return new DistillConfig(steps, 16, 8, 12, 16, 8, 4, 1e-3f, Math.min(20, steps / 10), 2f, 1f, 0.5f, 1f,
                1f, 1f, 1f, 4f, 2, Math.max(1, Math.min(100, steps)), seed);
    }

    /** Naive fine-tuning: the same pseudo-labels, no self-distillation, no replay, nothing frozen. */
    public DistillConfig naive() {
        return new DistillConfig(steps, vqaBatch, matchBatch, locBatch, 0, 0, 0, learningRate, warmupSteps, tau,
                klWeight, ceWeight, 0f, vqaWeight, matchWeight, locWeight, locPositiveWeight, 0, checkpointEvery, seed);
    }

    public DistillConfig withLoss(float kl, float ce, float newBeta) {
        return new DistillConfig(steps, vqaBatch, matchBatch, locBatch, replayVqa, replayMatch, replayLoc,
                learningRate, warmupSteps, tau, kl, ce, newBeta, vqaWeight, matchWeight, locWeight, locPositiveWeight, frozenUnits,
                checkpointEvery, seed);
    }

    public DistillConfig withTau(float newTau) {
        return new DistillConfig(steps, vqaBatch, matchBatch, locBatch, replayVqa, replayMatch, replayLoc,
                learningRate, warmupSteps, newTau, klWeight, ceWeight, beta, vqaWeight, matchWeight, locWeight, locPositiveWeight,
                frozenUnits, checkpointEvery, seed);
    }

    public DistillConfig withSeed(long newSeed) {
        return new DistillConfig(steps, vqaBatch, matchBatch, locBatch, replayVqa, replayMatch, replayLoc,
                learningRate, warmupSteps, tau, klWeight, ceWeight, beta, vqaWeight, matchWeight, locWeight, locPositiveWeight,
                frozenUnits, checkpointEvery, newSeed);
    }

    public DistillConfig withSteps(int newSteps) {
        return new DistillConfig(newSteps, vqaBatch, matchBatch, locBatch, replayVqa, replayMatch, replayLoc,
                learningRate, Math.min(warmupSteps, newSteps / 10), tau, klWeight, ceWeight, beta, vqaWeight,
                matchWeight, locWeight, locPositiveWeight, frozenUnits, Math.min(checkpointEvery, newSteps), seed);
    }

    public DistillConfig withLearningRate(float lr) {
        return new DistillConfig(steps, vqaBatch, matchBatch, locBatch, replayVqa, replayMatch, replayLoc, lr,
                warmupSteps, tau, klWeight, ceWeight, beta, vqaWeight, matchWeight, locWeight, locPositiveWeight, frozenUnits,
                checkpointEvery, seed);
    }

    public DistillConfig withCheckpointEvery(int every) {
        return new DistillConfig(steps, vqaBatch, matchBatch, locBatch, replayVqa, replayMatch, replayLoc,
                learningRate, warmupSteps, tau, klWeight, ceWeight, beta, vqaWeight, matchWeight, locWeight, locPositiveWeight,
                frozenUnits, every, seed);
    }

    /**
     * This config with some settings replaced by name ({@code learningRate=2e-3}, {@code locBatch=8}, ...):
     * every weight and batch size is reachable from the command line without a flag per field.
     *
     * @throws IllegalArgumentException naming the unknown setting and the valid ones, or the bad value
     */
    public DistillConfig with(Map<String, String> settings) {
        return RecordSettings.with(this, DistillConfig.class, settings, "distillation setting");
    }

    /** Whether replay targets feed the loss at all. */
    public boolean selfDistills() { return beta > 0 && replayVqa + replayMatch + replayLoc > 0; }
}
