package org.sdvp.core.interp;

import java.util.Optional;
import org.sdvp.core.trace.Trace;
import org.sdvp.core.value.Value;

/** The outcome of running one program: its value (unless a step failed) and the full trace. */
public record Execution(Optional<Value> result, Trace trace, Optional<StepFailure> failure) {
    public boolean succeeded() { return failure.isEmpty(); }
}
