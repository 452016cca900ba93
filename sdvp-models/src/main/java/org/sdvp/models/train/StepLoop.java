package org.sdvp.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The deterministic training loop every network shares: for each step, one NDManager sub-scope (so native
 * memory does not grow), the step's loss, backward, one optimiser update, gradients zeroed. Learning-rate
 * schedules are DJL trackers driven by the update count, never by wall-clock time, so a run is
 * reproducible step for step.
 */
public final class StepLoop {

    /**
     * Computes one step's loss inside {@code scope} (everything it allocates dies with the scope) and hands
     * each of its terms to {@code backward}; returns the step's total loss.
     *
     * <p>Why one backward per term instead of one on the sum: a graph in which the same convolution weights
     * see inputs of two sizes (64×64 crops and 96×96 whole images) gave gradients that differed from run to
     * run and were sometimes NaN on this libtorch build; per-term backward passes, whose gradients
     * PyTorch accumulates, are reproducible. Each term's graph is also freed sooner.
     */
    @FunctionalInterface
    public interface StepLoss {
        float loss(NDManager scope, int step, java.util.function.Consumer<NDArray> backward);
    }

    /**
     * The mean loss of each logged window of steps (over the steps whose loss was finite), and the throughput.
     *
     * @param cpuSeconds   CPU time of the training thread: with one PyTorch thread the ops run on it, so this is
     *     the compute the run needed, whatever else the (shared) machine was doing
     * @param skippedSteps steps whose loss or gradients were not finite, so no update was applied
     *     ({@link #MAX_SKIPPED_SHARE})
     */
    public record Result(
            List<Double> lossCurve,
            double firstLoss,
            double lastLoss,
            double seconds,
            double samplesPerSecond,
            double cpuSeconds,
            int skippedSteps) {}

    /**
     * Share of a run's steps that may be skipped for a non-finite loss or gradient before the run fails. On
     * this libtorch build a graph in which the same convolution weights see inputs of two sizes produces a
     * NaN at rare, random steps (a default experiment of 2026-12-07 lost one stage of fifteen to it at step
     * 114 of 200, with finite parameters before); mixed-precision trainers skip such a step the same way
     * (PyTorch's GradScaler). A run that keeps producing them is diverging and stops with the same message
     * as before.
     */
    public static final double MAX_SKIPPED_SHARE = 0.02;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StepLoop.class);

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final Trainer trainer;
    private final PrintStream progress;
    private final String taskName;

    /**
     * @param progress where the progress bar goes, or {@code null} for none (tests, benchmarks)
     */
    public StepLoop(Trainer trainer, String taskName, PrintStream progress) {
        this.trainer = trainer;
        this.taskName = taskName;
        this.progress = progress;
    }

    /**
     * Runs {@code steps} steps.
     *
     * @param samplesPerStep examples per step, for the samples/s figure
     * @param window steps per point of the returned loss curve
     */
    public Result run(int steps, int samplesPerStep, int window, StepLoss stepLoss) {
        return run(0, steps, samplesPerStep, window, stepLoss, null);
    }

    /** Called after each step with the number of steps done and the loss curve so far (for checkpoints). */
    @FunctionalInterface
    public interface AfterStep {
        void done(int stepsDone, List<Double> curveSoFar);
    }

    /**
     * Runs steps {@code firstStep .. steps-1} (a resumed run starts past 0: step-driven schedules and
     * per-step data draws make it continue exactly where the interrupted run stopped).
     *
     * @param afterStep called after every step (may be null)
     */
    public Result run(
            int firstStep, int steps, int samplesPerStep, int window, StepLoss stepLoss, AfterStep afterStep) {
        List<Double> curve = new ArrayList<>();
        double windowSum = 0, ema = Double.NaN;
        int windowSteps = 0;
        int maxSkipped = (int) Math.floor(MAX_SKIPPED_SHARE * (steps - firstStep));
        first = Double.NaN;
        last = Double.NaN;
        skipped = 0;
        runFirstStep = firstStep;
        stepsDone = firstStep;
        start = System.nanoTime();
        cpuStart = THREADS.getCurrentThreadCpuTime();
        try (ProgressBar bar = progress == null ? null : bar(steps)) {
            if (bar != null) bar.stepTo(firstStep);
            for (int step = firstStep; step < steps; step++) {
                float value;
                boolean finite;
                try (NDManager scope = trainer.getManager().newSubManager()) {
                    zeroGradients(trainer);
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        value = stepLoss.loss(scope, step, gc::backward);
                    }
                    if (DEBUG) checkFinite("gradient", step, true);
                    // a non-finite gradient would make every parameter it reaches NaN for good: skip the update
                    finite = Float.isFinite(value) && Double.isFinite(clipGlobalNorm(trainer, MAX_GRAD_NORM));
                    if (finite) trainer.step();
                    if (DEBUG) checkFinite("parameter", step, false);
                    zeroGradients(trainer);
                }
                if (!finite) {
                    if (++skipped > maxSkipped) {
                        throw new IllegalStateException(
                                "loss became " + value + " at step " + step + " (" + skipped
                                        + " steps with a non-finite loss or gradient); lower the learning rate or check the data");
                    }
                    LOG.warn("{} step {}: non-finite loss or gradient ({}), update skipped", taskName, step, value);
                } else {
                    if (Double.isNaN(first)) first = value;
                    last = value;
                    ema = Double.isNaN(ema) ? value : 0.95 * ema + 0.05 * value;
                    windowSum += value;
                    windowSteps++;
                }
                stepsDone = step + 1;
                if ((step + 1) % window == 0 || step == steps - 1) {
                    curve.add(
                            windowSteps == 0
                                    ? last
                                    : windowSum / windowSteps); // an all-skipped window repeats the last loss
                    windowSum = 0;
                    windowSteps = 0;
                }
                if (afterStep != null) afterStep.done(step + 1, curve);
                if (bar != null) {
                    double secs = (System.nanoTime() - start) / 1e9;
                    bar.step();
                    bar.setExtraMessage(String.format(
                            java.util.Locale.ROOT,
                            "loss %.4f  %.0f samples/s",
                            ema,
                            (step + 1 - firstStep) * (double) samplesPerStep / Math.max(secs, 1e-9)));
                }
            }
        }
        return soFar(curve, samplesPerStep);
    }

    private double first, last;
    private long start, cpuStart;
    private int runFirstStep, stepsDone, skipped;

    /**
     * The running (or last) {@link #run}'s figures so far, with {@code curve} as its loss curve: what a
     * checkpoint taken in {@link AfterStep} records.
     */
    public Result soFar(List<Double> curve, int samplesPerStep) {
        double secs = (System.nanoTime() - start) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return new Result(
                List.copyOf(curve),
                first,
                last,
                secs,
                (stepsDone - runFirstStep) * (double) samplesPerStep / Math.max(secs, 1e-9),
                cpu,
                skipped);
    }

    /** {@code -Dsdvp.checkFinite=true}: stop at the first non-finite gradient or parameter, naming them. */
    private static final boolean DEBUG = Boolean.getBoolean("sdvp.checkFinite");

    private void checkFinite(String what, int step, boolean gradients) {
        StringBuilder bad = new StringBuilder();
        for (Pair<String, Parameter> p : trainer.getModel().getBlock().getParameters()) {
            NDArray a = p.getValue().getArray();
            NDArray x = gradients ? (a.hasGradient() ? a.getGradient() : null) : a;
            if (x != null
                    && (x.isNaN().any().getBoolean() || x.isInfinite().any().getBoolean())) {
                bad.append(' ').append(p.getKey());
            }
        }
        if (bad.length() > 0) throw new IllegalStateException("non-finite " + what + " at step " + step + ":" + bad);
    }

    /**
     * Largest global gradient norm; larger gradients are scaled down. Measured: without it the default
     * pretraining (4,000 steps at 2e-3) had one loss spike from 1.1 to 14 around step 1,200 and never
     * fully recovered; element-wise clipping inside Adam does not prevent that.
     */
    public static final float MAX_GRAD_NORM = 5f;

    /** Scales all gradients by {@code max / norm} when their global L2 norm exceeds {@code max}. */
    public static double clipGlobalNorm(Trainer trainer, float max) {
        List<NDArray> grads = new ArrayList<>();
        double sq = 0;
        for (Pair<String, Parameter> p : trainer.getModel().getBlock().getParameters()) {
            NDArray a = p.getValue().getArray();
            if (!a.hasGradient()) continue;
            NDArray g = a.getGradient();
            grads.add(g);
            // the temporaries belong to the model's long-lived manager: close them at once
            try (NDArray squared = g.square();
                    NDArray sum = squared.sum()) {
                sq += sum.getFloat();
            }
        }
        double norm = Math.sqrt(sq);
        if (norm > max && Double.isFinite(norm)) {
            float scale = (float) (max / norm);
            for (NDArray g : grads) g.muli(scale);
        }
        for (NDArray g : grads) g.close();
        return norm;
    }

    public static void zeroGradients(Trainer trainer) {
        // PyTorch accumulates gradients and DJL's collector does not clear them on this engine. zero_() rather
        // than g - g: the latter keeps a NaN or inf for ever once one appears
        for (Pair<String, Parameter> p : trainer.getModel().getBlock().getParameters()) {
            NDArray a = p.getValue().getArray();
            if (a.hasGradient() && a instanceof PtNDArray pt) JniUtils.zeroGrad(pt);
        }
    }

    private ProgressBar bar(int steps) {
        return new ProgressBarBuilder()
                .setTaskName(taskName)
                .setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(progress))
                .build();
    }

    /**
     * The learning-rate schedule of every trainer here: linear warm-up from 5 % over {@code warmupSteps}
     * (none when 0), then cosine decay to {@code finalFraction} of the base rate at {@code steps}.
     */
    public static Tracker cosineWithWarmup(float learningRate, float finalFraction, int steps, int warmupSteps) {
        Tracker cosine = Tracker.cosine()
                .setBaseValue(learningRate)
                .optFinalValue(learningRate * finalFraction)
                .setMaxUpdates(Math.max(1, steps))
                .build();
        if (warmupSteps <= 0) return cosine;
        return Tracker.warmUp()
                .setMainTracker(cosine)
                .optWarmUpSteps(warmupSteps)
                .optWarmUpBeginValue(learningRate * 0.05f)
                .build();
    }
}
