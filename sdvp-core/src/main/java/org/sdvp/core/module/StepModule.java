package org.sdvp.core.module;

import java.util.List;
import java.util.Map;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/**
 * A program step type ({@code LOC}, {@code CROP}, {@code EVAL}, ...). The validator reads its signature;
 * the interpreter calls {@link #execute} with the resolved arguments.
 *
 * <p>Implementations are stateless and thread-safe: many programs execute concurrently. Model-backed
 * modules reach models only through {@link StepContext}, which batches and records the calls.
 */
public interface StepModule {

    /** Upper-case name as written in programs. */
    String name();

    List<Param> params();

    ValueType resultType();

    /** One line for {@code --help} and error messages. */
    String description();

    /**
     * Runs the step.
     *
     * @param args resolved arguments by name; optional ones that were omitted are absent
     * @throws StepException when the step cannot produce a value (the run records it and stops that program)
     */
    Value execute(Map<String, Value> args, StepContext ctx) throws StepException;
}
