package org.sdvp.models.train;

import java.nio.file.Path;

/**
 * Where a resumable training run keeps its state and how often it saves it.
 *
 * @param dir the state folder ({@link #beside} puts it next to the output: {@code OUT.state})
 * @param every steps between saved states
 * @param stopAfter stop after this many steps as a kill would ({@link ResumableTraining.Stopped}); for tests
 *     and simulations, {@link Integer#MAX_VALUE} otherwise
 */
public record StateOptions(Path dir, int every, int stopAfter) {
    /** The state folder of output folder {@code out}: its sibling {@code OUT.state}. */
    public static Path stateDir(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".state");
    }

    /** State in {@code OUT.state}, saved every {@code every} steps. */
    public static StateOptions beside(Path out, int every) {
        return new StateOptions(stateDir(out), every, Integer.MAX_VALUE);
    }

    public StateOptions stoppingAfter(int step) {
        return new StateOptions(dir, every, step);
    }

    /** The run's resumable training, for a run identified by {@code config} on data with this hash. */
    public ResumableTraining open(Object config, String dataSha256) {
        return new ResumableTraining(dir, config, dataSha256, every).stopAfter(stopAfter);
    }
}
