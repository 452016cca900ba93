package org.sdvp.core.interp;

import java.util.Map;
import java.util.Set;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.value.Value;

/**
 * A program framework: how program text becomes an answer and a trace (VisProg steps, ViperGPT Python).
 * Implementations are thread-safe; many programs execute concurrently and share one gateway, whose
 * dispatchers batch their model calls.
 */
public interface Framework {

    /** {@code visprog} or {@code viper}. */
    String name();

    /**
     * Checks {@code source} completely before anything runs.
     *
     * @param initialVariables {@code IMAGE}, or {@code LEFT} and {@code RIGHT} for image pairs
     * @throws InvalidProgramException with every problem found
     */
    void check(String source, Set<String> initialVariables) throws InvalidProgramException;

    /**
     * Checks, then runs the program. A failing step does not throw: it ends the program and is reported in
     * the {@link Execution}.
     */
    Execution execute(String source, Map<String, Value> initial, ModelGateway gateway) throws InvalidProgramException;

    /**
     * As {@link #execute(String, Map, ModelGateway)}, knowing the question. ViperGPT needs it: a program that
     * does not compile is replaced by a fallback that asks the question directly. Others ignore it.
     */
    default Execution execute(String source, Map<String, Value> initial, ModelGateway gateway, String question)
            throws InvalidProgramException {
        return execute(source, initial, gateway);
    }
}
