package org.sdvp.llm.source;

import java.util.Set;
import org.sdvp.core.module.ModuleRegistry;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.program.Programs;

/**
 * Decides whether generated program text is acceptable. {@code Framework::check} fits this shape too, so
 * the eval command can pass its framework's own checker.
 */
@FunctionalInterface
public interface ProgramChecker {

    /** @throws InvalidProgramException with every problem found */
    void check(String program, Set<String> initialVariables) throws InvalidProgramException;

    /** The VisProg parser and validator over {@code registry}. */
    static ProgramChecker visprog(ModuleRegistry registry) {
        return (program, initial) -> Programs.parse(program, registry, initial);
    }
}
