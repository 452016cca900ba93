package org.sdvp.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
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

    /** Computes one step's loss inside {@code scope}; everything it allocates dies with the scope. */
    @FunctionalInterface
    public interface StepLoss {
        NDArray loss(NDManager scope, int step);
    }

    /** The mean loss of each logged window of steps, and the throughput. */
    public record Result(List<Double> lossCurve, double firstLoss, double lastLoss, double seconds,
                         double samplesPerSecond) {}

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
        List<Double> curve = new ArrayList<>();
        double windowSum = 0, first = Double.NaN, last = Double.NaN, ema = Double.NaN;
        long start = System.nanoTime();
        try (ProgressBar bar = progress == null ? null : bar(steps)) {
            for (int step = 0; step < steps; step++) {
                float value;
                try (NDManager scope = trainer.getManager().newSubManager()) {
                    NDArray loss;
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        loss = stepLoss.loss(scope, step);
                        gc.backward(loss);
                    }
                    trainer.step();
                    zeroGradients();
                    value = loss.getFloat();
                }
                if (!Float.isFinite(value)) {
                    throw new IllegalStateException("loss became " + value + " at step " + step
                            + "; lower the learning rate or check the data");
                }
                if (step == 0) first = value;
                last = value;
                ema = Double.isNaN(ema) ? value : 0.95 * ema + 0.05 * value;
                windowSum += value;
                if ((step + 1) % window == 0 || step == steps - 1) {
                    int n = (step % window) + 1;
                    curve.add(windowSum / n);
                    windowSum = 0;
                }
                if (bar != null) {
                    double secs = (System.nanoTime() - start) / 1e9;
                    bar.step();
                    bar.setExtraMessage(String.format(java.util.Locale.ROOT, "loss %.4f  %.0f samples/s", ema,
                            (step + 1) * (double) samplesPerStep / Math.max(secs, 1e-9)));
                }
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        return new Result(curve, first, last, secs, steps * (double) samplesPerStep / Math.max(secs, 1e-9));
    }

    private void zeroGradients() {
        // PyTorch accumulates gradients; DJL's collector does not clear them between steps on this engine
        for (Pair<String, Parameter> p : trainer.getModel().getBlock().getParameters()) {
            NDArray a = p.getValue().getArray();
            if (a.hasGradient()) {
                NDArray g = a.getGradient();
                g.subi(g);
                g.close();
            }
        }
    }

    private ProgressBar bar(int steps) {
        return new ProgressBarBuilder().setTaskName(taskName).setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(progress)).build();
    }
}
