package org.sdvp.core.trace;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sdvp.core.value.Value;

/**
 * The record of one program execution: its initial variables and one {@link StepRecord} per step run
 * (up to and including a failing one). The single source of sub-task data for distillation.
 */
public record Trace(String programSource, Map<String, Value> initial, List<StepRecord> steps) {
    public Trace {
        initial = Map.copyOf(initial);
        steps = List.copyOf(steps);
    }

    /** Every model call of the execution, in order. */
    public Stream<ModelCall> calls() {
        return steps.stream().flatMap(s -> s.calls().stream());
    }
}
