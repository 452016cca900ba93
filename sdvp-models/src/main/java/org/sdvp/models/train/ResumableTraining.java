package org.sdvp.models.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;

/**
 * A training run that survives {@code kill -9}: it saves its whole state (parameters, optimiser moments, step,
 * loss curve) every few steps into a {@link TrainingState} folder, and a run started again on the same folder
 * continues from the newest saved state. With one PyTorch thread the result is bit-identical to an
 * uninterrupted run: the optimiser's state is restored exactly ({@link SavableAdam}), the learning rate
 * follows the step count, and the trainer replays the data draws of the steps already done (a draw is a few
 * random integers, so the data position is restored by drawing again rather than stored).
 *
 * <p>A saved state made with another configuration or other data is refused, naming the differences.
 */
public final class ResumableTraining {
    /** Thrown by {@link #stopAfter} as a kill would stop the run; nothing after its step is saved. */
    public static final class Stopped extends RuntimeException {
        Stopped(int step) {
            super("stopped after step " + step + " (as a kill would)");
        }
    }

    private final TrainingState state;
    private final JsonNode config;
    private final String dataSha256;
    private final int requestedEvery;
    private TrainingState.Info saved;
    private int stopAfter = Integer.MAX_VALUE;

    /**
     * @param dir the state folder (created at the first save)
     * @param config what makes two runs the same run (settings, seed, code version), as any JSON-able value
     * @param every steps between saved states (rounded to whole loss-curve windows)
     */
    public ResumableTraining(Path dir, Object config, String dataSha256, int every) {
        this.state = new TrainingState(dir, "model.params");
        // through text, so a saved config (read back as doubles) compares equal to a fresh one (floats)
        try {
            this.config = Json.mapper().readTree(Json.mapper().writeValueAsString(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.dataSha256 = dataSha256;
        this.requestedEvery = Math.max(1, every);
    }

    /** For tests and the chaos script's simulations: throw {@link Stopped} right after {@code step} steps. */
    public ResumableTraining stopAfter(int step) {
        this.stopAfter = step;
        return this;
    }

    public Path dir() {
        return state.dir();
    }

    /**
     * Reads the newest saved state, if any, checks that it belongs to this run and loads its parameters into
     * {@code block} (call before the block's trainer is created: the trainer attaches gradients to the arrays).
     *
     * @return the steps already done (0 for a fresh run)
     * @throws DataException when the saved state is unreadable or was made by another run
     */
    public int restoreParameters(Block block, NDManager manager) throws DataException {
        saved = state.latest();
        if (saved == null) return 0;
        if (!saved.config().equals(config)) {
            throw new DataException(state.dir() + " holds the state of another training run: "
                    + String.join("; ", Json.differences(saved.config(), config, "config"))
                    + " (delete it, or choose another --out)");
        }
        if (!saved.dataSha256().equals(dataSha256)) {
            throw new DataException(state.dir() + " holds the state of a run on other training data (SHA-256 "
                    + saved.dataSha256() + ", now " + dataSha256 + "); delete it, or choose another --out");
        }
        state.loadParameters(block, manager);
        return saved.step();
    }

    /** What a resumed run says first. */
    public String resuming(int done, int steps) {
        return "resuming: " + done + " of " + steps + " steps already done (state " + state.dir()
                + "; --restart starts over)";
    }

    /** Loads the saved moments into {@code adam} (after the trainer is initialised); nothing for a fresh run. */
    public void restoreOptimizer(SavableAdam adam, NDManager manager) throws DataException {
        if (saved != null) state.loadOptimizer(adam, manager);
    }

    /** Steps between states: a whole number of loss-curve windows, so a resumed curve matches. */
    static int interval(int every, int window) {
        return Math.max(window, every / window * window);
    }

    /** The step hook that saves the state every few steps and after the last one. */
    public StepLoop.AfterStep afterStep(
            StepLoop loop, Block block, SavableAdam adam, int steps, int window, int samplesPerStep) {
        int every = interval(requestedEvery, window);
        return (done, curveSoFar) -> {
            if (done % every == 0 || done == steps) {
                StepLoop.Result r = combined(loop.soFar(curveSoFar, samplesPerStep));
                try {
                    state.save(
                            new TrainingState.Info(
                                    done,
                                    r.lossCurve(),
                                    r.firstLoss(),
                                    r.lastLoss(),
                                    r.seconds(),
                                    r.cpuSeconds(),
                                    config,
                                    dataSha256),
                            block,
                            adam);
                } catch (IOException e) {
                    // the trainers unwrap this to its cause, so the cause carries the whole message (a disk-full
                    // run printed only "IOException: No space left on device", naming neither file nor remedy)
                    throw new UncheckedIOException(new IOException(
                            "cannot write the training state to " + state.dir() + " (" + e.getMessage()
                                    + "); the previous state is intact: free space and run the same command again",
                            e));
                }
            }
            if (done >= stopAfter) throw new Stopped(done);
        };
    }

    /**
     * This process's figures joined to the saved ones: the whole loss curve, the first loss of step 0, the
     * time of every process (samples/s is this process's).
     */
    public StepLoop.Result combined(StepLoop.Result thisRun) {
        if (saved == null) return thisRun;
        List<Double> curve = new ArrayList<>(saved.curve());
        curve.addAll(thisRun.lossCurve());
        return new StepLoop.Result(
                curve,
                orNaN(saved.firstLoss()),
                Double.isNaN(thisRun.lastLoss()) ? orNaN(saved.lastLoss()) : thisRun.lastLoss(),
                orNaN(saved.seconds()) + thisRun.seconds(),
                thisRun.samplesPerSecond(),
                orNaN(saved.cpuSeconds()) + thisRun.cpuSeconds(),
                thisRun.skippedSteps()); // skipped: this process's
    }

    /** The saved figures, for a run whose every step was done before (killed while evaluating). */
    public StepLoop.Result savedResult() {
        return combined(new StepLoop.Result(List.of(), Double.NaN, Double.NaN, 0, 0, 0, 0));
    }

    /** The output is written: deletes the state folder. */
    public void finished() throws IOException {
        state.delete();
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }
}
