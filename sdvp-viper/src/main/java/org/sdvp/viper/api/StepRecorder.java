package org.sdvp.viper.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdvp.core.interp.StepFailure;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.trace.StepRecord;
import org.sdvp.core.value.Value;

/**
 * Turns each model-backed API call of a program into a {@link StepRecord}, exactly as the VisProg
 * interpreter records a step: a fresh {@link StepContext} per call, so model calls go through the same
 * batching gateway and are captured the same way. Trace collection and distillation therefore read
 * ViperGPT runs unchanged. One recorder per program run; not thread-safe.
 */
public final class StepRecorder {
    /** The model-facing body of one API call. */
    @FunctionalInterface
    public interface Body<T> {
        T run(StepContext ctx) throws StepException;
    }

    private final ModelGateway gateway;
    private final List<StepRecord> steps = new ArrayList<>();
    private StepFailure failure;
    /** Set when the program's run is over; see {@link #end()}. */
    private volatile boolean ended;

    public StepRecorder(ModelGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Runs {@code body} as one step and records it.
     *
     * @param line   1-based program line of the call (0 when unknown)
     * @param module the API method ({@code find}, {@code simple_query}, ...)
     * @param text   the call as text, e.g. {@code find('red cube')}
     * @param inputs the call's inputs by VisProg-like names ({@code image}, {@code object}, ...)
     * @param result turns the body's answer into the value recorded
     * @throws StepException after recording the failed step; the first failure is kept for the run
     */
    public <T> T record(
            int line,
            String module,
            String text,
            Map<String, Value> inputs,
            Body<T> body,
            java.util.function.Function<T, Value> result)
            throws StepException {
        // Not recorded: the trace of this run has been handed out, and the call is not the next program's.
        if (ended) throw new StepException("the program's run has ended: no more model calls");
        StepContext ctx = new StepContext(Map.of(), gateway);
        long start = System.nanoTime();
        int index = steps.size();
        try {
            T answer = body.run(ctx);
            steps.add(new StepRecord(
                    index,
                    line,
                    text,
                    module,
                    "",
                    inputs,
                    Optional.of(result.apply(answer)),
                    ctx.calls(),
                    micros(start),
                    Optional.empty()));
            return answer;
        } catch (StepException e) {
            steps.add(new StepRecord(
                    index,
                    line,
                    text,
                    module,
                    "",
                    inputs,
                    Optional.empty(),
                    ctx.calls(),
                    micros(start),
                    Optional.of(e.getMessage())));
            if (failure == null)
                failure = new StepFailure(index, line, module, e.getMessage(), StepFailure.reasonOf(e));
            throw e;
        }
    }

    /**
     * Ends the run: later calls fail without reaching a model. Code of a program that outlives its run (a
     * patch kept somewhere, a late finaliser) can thus never make model calls or add steps to another
     * program's trace when a context is reused.
     */
    public void end() {
        ended = true;
    }

    public List<StepRecord> steps() {
        return List.copyOf(steps);
    }

    public int size() {
        return steps.size();
    }

    /** The first failed model step: it fails the run even if the program caught the Python error. */
    public Optional<StepFailure> failure() {
        return Optional.ofNullable(failure);
    }

    private static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1000;
    }
}
