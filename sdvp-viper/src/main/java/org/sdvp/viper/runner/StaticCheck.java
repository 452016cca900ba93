package org.sdvp.viper.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.program.ProgramError;
import org.sdvp.viper.api.Prelude;
import org.sdvp.viper.sandbox.PythonSandbox;
import org.sdvp.viper.sandbox.SandboxLimits;

/**
 * Checks a ViperGPT program before anything of it runs, and reports every problem with its line:
 * <ol>
 *   <li>it parses (Python's {@code ast.parse}, in a sandboxed GraalPy context);</li>
 *   <li>it defines {@code execute_command} at the top level with one parameter per image;</li>
 *   <li>every call names a function or method that exists (the {@code ImagePatch} API, the prelude's
 *       functions, builtins, the program's own definitions, methods of plain values), and calls to the API
 *       pass a number of arguments its signature accepts; the signatures are read from the prelude itself;</li>
 *   <li>it passes {@link ProgramScreen} (no {@code _} names, no reflective builtins, imports only of
 *       {@link ProgramScreen#IMPORTS}, ...): a generated program has no reason to reach for more.</li>
 * </ol>
 * The checker contexts hold the prelude and {@code static_check.py} and only ever parse programs, so they
 * are kept and reused without limit. Thread-safe.
 */
final class StaticCheck implements AutoCloseable {
    private final PythonSandbox sandbox;
    private final SandboxLimits limits;
    private final LinkedBlockingDeque<Checker> idle = new LinkedBlockingDeque<>();

    private record Checker(Context context, Value check) {}

    StaticCheck(PythonSandbox sandbox, SandboxLimits limits) {
        this.sandbox = sandbox;
        this.limits = limits;
    }

    /**
     * @param images how many images {@code execute_command} receives (1, or 2 for a pair)
     * @throws InvalidProgramException with every problem, in line order
     */
    void check(String source, int images) throws InvalidProgramException {
        List<ProgramError> problems = new ArrayList<>(parsed(source, images));
        boolean syntax = problems.stream().anyMatch(p -> p.message().startsWith("Python syntax error"));
        if (!syntax) {
            for (ProgramScreen.Problem p : ProgramScreen.problems(source)) {
                problems.add(new ProgramError(p.line(), 0, "", "not allowed in a program: " + explain(p.reason())));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(ProgramError::line).thenComparingInt(ProgramError::column));
        if (!problems.isEmpty()) throw new InvalidProgramException(problems);
    }

    private static String explain(String reason) {
        if (reason.startsWith("import")) {
            return reason + " (only " + String.join(", ", new java.util.TreeSet<>(ProgramScreen.IMPORTS)) + " may be imported)";
        }
        if (reason.startsWith("name _")) return reason + " (names starting with '_' are the sandbox's own)";
        return reason;
    }

    private List<ProgramError> parsed(String source, int images) {
        Checker c = idle.pollFirst();
        if (c == null) c = open();
        boolean healthy = false;
        try {
            c.context().resetLimits();
            Value found = c.check().execute(source, images);
            List<ProgramError> out = new ArrayList<>();
            for (long i = 0; i < found.getArraySize(); i++) {
                String[] parts = found.getArrayElement(i).asString().split(":", 3);
                out.add(new ProgramError(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), "", parts[2]));
            }
            healthy = true;
            return out;
        } catch (PolyglotException e) {
            // A pathological program (nesting deeper than the parser's stack) ends the parse, not the caller.
            return List.of(new ProgramError(0, 0, "", "the program cannot be parsed: " + e.getMessage()));
        } finally {
            if (healthy) idle.addFirst(c); else c.context().close(true);
        }
    }

    private Checker open() {
        Context ctx = sandbox.newContext(limits);
        try {
            ctx.eval(Prelude.source());
            ctx.eval(Prelude.staticCheck());
            return new Checker(ctx, ctx.getBindings(PythonSandbox.LANGUAGE).getMember("_sdvp_static_check"));
        } catch (RuntimeException e) {
            ctx.close(true);
            throw e;
        }
    }

    @Override
    public void close() {
        for (Checker c; (c = idle.pollFirst()) != null; ) c.context().close(true);
    }
}
