package org.sdvp.core.program;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sdvp.core.module.ModuleRegistry;
import org.sdvp.core.value.ValueType;

/**
 * The way into the program language: parse and validate in one call, so no caller can run a program
 * that has not been checked. The stages are those of jlox: scan and parse ({@link ProgramParser}), then
 * resolve ({@link ProgramValidator}); unlike jlox the validator runs even after syntax errors (on the
 * lines that parsed) so that one report lists every problem.
 */
public final class Programs {
    private static final Comparator<ProgramError> BY_POSITION =
            Comparator.comparingInt(ProgramError::line).thenComparingInt(ProgramError::column);

    private Programs() {}

    /**
     * Parses and validates a program whose initial variables are images, as in VisProg ({@code IMAGE}
     * for single-image tasks, {@code LEFT} and {@code RIGHT} for image pairs).
     *
     * @throws InvalidProgramException with every syntax and validation error, sorted by line and column
     */
    public static Program parse(String source, ModuleRegistry registry, Set<String> initialVariables)
            throws InvalidProgramException {
        Map<String, ValueType> types = new LinkedHashMap<>();
        for (String name : initialVariables) types.put(name, ValueType.IMAGE);
        return parse(source, registry, types);
    }

    /**
     * Parses and validates a program whose initial variables have the given static types.
     *
     * @throws InvalidProgramException with every syntax and validation error, sorted by line and column
     */
    public static Program parse(String source, ModuleRegistry registry, Map<String, ValueType> initialVariables)
            throws InvalidProgramException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(initialVariables, "initialVariables");
        ProgramParser.Result parsed = ProgramParser.parse(source);
        List<ProgramError> errors = new ArrayList<>(parsed.errors());
        errors.addAll(
                new ProgramValidator(registry).validate(parsed.program(), initialVariables, parsed.brokenOutputs()));
        if (errors.isEmpty() && parsed.program().steps().isEmpty()) {
            errors.add(new ProgramError(1, 0, "", "Program has no steps."));
        }
        if (!errors.isEmpty()) {
            errors.sort(BY_POSITION);
            throw new InvalidProgramException(errors);
        }
        return parsed.program();
    }
}
