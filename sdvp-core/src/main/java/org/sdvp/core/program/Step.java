package org.sdvp.core.program;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One program line {@code OUTPUT=MODULE(arg=value,...)}.
 *
 * @param line         1-based source line
 * @param output       the variable the step assigns
 * @param module       the module name as written (e.g. {@code LOC})
 * @param args         keyword arguments in source order
 * @param text         the source line, trimmed, for traces and messages
 * @param moduleColumn 1-based column of the module name, 0 if unknown; for error messages
 */
public record Step(int line, String output, String module, List<Arg> args, String text, int moduleColumn) {
    public Step {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(module, "module");
        args = List.copyOf(args);
        Objects.requireNonNull(text, "text");
    }

    /** A step whose module position is unknown (built by code rather than parsed). */
    public Step(int line, String output, String module, List<Arg> args, String text) {
        this(line, output, module, args, text, 0);
    }

    public Optional<Arg> arg(String name) {
        return args.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
