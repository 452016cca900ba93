package org.sdvp.core.program;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One program line {@code OUTPUT=MODULE(arg=value,...)}.
 *
 * @param line   1-based source line
 * @param output the variable the step assigns
 * @param module the module name as written (e.g. {@code LOC})
 * @param args   keyword arguments in source order
 * @param text   the source line, trimmed, for traces and messages
 */
public record Step(int line, String output, String module, List<Arg> args, String text) {
    public Step {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(module, "module");
        args = List.copyOf(args);
        Objects.requireNonNull(text, "text");
    }

    public Optional<Arg> arg(String name) {
        return args.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
