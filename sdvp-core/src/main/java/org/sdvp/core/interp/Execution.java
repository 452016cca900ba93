package org.sdvp.core.interp;

import java.util.List;
import java.util.Optional;
import org.sdvp.core.trace.Trace;
import org.sdvp.core.value.Value;

/**
 * The outcome of running one program: its value (unless a step failed) and the full trace.
 *
 * <p>With several programs per question ({@code --samples K}) this is the run whose answer won the vote,
 * and {@link #samples()} holds every sample's run (the winner among them), each with its own trace.
 *
 * @param samples every sample's run when the question was answered by a vote over several programs; empty
 *                for a single program
 */
public record Execution(Optional<Value> result, Trace trace, Optional<StepFailure> failure, List<Execution> samples) {
    public Execution {
        samples = List.copyOf(samples);
    }

    /** One program's run. */
    public Execution(Optional<Value> result, Trace trace, Optional<StepFailure> failure) {
        this(result, trace, failure, List.of());
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }

    /** Every program run behind this outcome: the samples, or this run alone. */
    public List<Execution> runs() {
        return samples.isEmpty() ? List.of(this) : samples;
    }
}
