package org.sdvp.core.trace;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdvp.core.value.Value;

/**
 * What happened at one step of one program.
 *
 * @param index  0-based position in the program
 * @param line   1-based source line (for ViperGPT programs: the line of the API call)
 * @param text   the step's source text
 * @param module module (or API method) name
 * @param output the variable assigned, or empty
 * @param inputs resolved argument values by name
 * @param result the value produced; empty if the step failed
 * @param calls  model calls made by the step, in order
 * @param micros wall-clock duration in microseconds
 * @param error  the failure message, if the step failed
 * @param tools  calls to editing and knowledge backends (SEG, REPLACE, LIST), in order
 */
public record StepRecord(
        int index,
        int line,
        String text,
        String module,
        String output,
        Map<String, Value> inputs,
        Optional<Value> result,
        List<ModelCall> calls,
        long micros,
        Optional<String> error,
        List<ToolCall> tools) {
    public StepRecord {
        inputs = Map.copyOf(inputs);
        calls = List.copyOf(calls);
        tools = List.copyOf(tools);
    }

    /** A step that called no editing or knowledge backend. */
    public StepRecord(
            int index,
            int line,
            String text,
            String module,
            String output,
            Map<String, Value> inputs,
            Optional<Value> result,
            List<ModelCall> calls,
            long micros,
            Optional<String> error) {
        this(index, line, text, module, output, inputs, result, calls, micros, error, List.of());
    }
}
