package org.sdvp.viper.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.program.ProgramError;
import org.sdvp.viper.api.Prelude;
import org.sdvp.viper.sandbox.PythonSandbox;

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
 * The check runs in one checker context per sandbox (engine), which holds the prelude and
 * {@code static_check.py} and only ever parses programs, so it is kept for the engine's life. Building it
 * imports Python's {@code ast} module, which costs seconds on a cold engine: {@link #prewarm()} starts that
 * early, and a check (milliseconds once warm) is short enough that one context serves every thread in turn.
 * Thread-safe.
 */
final class StaticCheck {
    private static final Map<PythonSandbox, StaticCheck> PER_SANDBOX = new ConcurrentHashMap<>();

    private final PythonSandbox sandbox;
    private Context context;
    private Value check;

    private StaticCheck(PythonSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** The checker of {@code sandbox}'s engine. */
    static StaticCheck of(PythonSandbox sandbox) {
        return PER_SANDBOX.computeIfAbsent(sandbox, StaticCheck::new);
    }

    /** Builds the checker context now (for a background thread), so the first check does not wait for it. */
    synchronized void prewarm() {
        if (context == null) open();
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
            return reason + " (only " + String.join(", ", new java.util.TreeSet<>(ProgramScreen.IMPORTS))
                    + " may be imported)";
        }
        if (reason.startsWith("name _")) return reason + " (names starting with '_' are the sandbox's own)";
        return reason;
    }

    private synchronized List<ProgramError> parsed(String source, int images) {
        if (context == null) open();
        try {
            context.resetLimits();
            Value found = check.execute(source, images);
            List<ProgramError> out = new ArrayList<>();
            for (long i = 0; i < found.getArraySize(); i++) {
                String[] parts = found.getArrayElement(i).asString().split(":", 3);
                out.add(new ProgramError(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), "", parts[2]));
            }
            return out;
        } catch (PolyglotException e) {
            // A pathological program (nesting deeper than the parser's stack, a CPU limit) ends this parse and
            // this context, not the caller: the next check builds a new one.
            context.close(true);
            context = null;
            return List.of(new ProgramError(0, 0, "", "the program cannot be parsed: " + e.getMessage()));
        }
    }

    private void open() {
        Context ctx = sandbox.newContext(sandbox.limits().withCpuTime(java.time.Duration.ofMinutes(10)));
        try {
            ctx.eval(Prelude.source());
            ctx.eval(Prelude.staticCheck());
            check = ctx.getBindings(PythonSandbox.LANGUAGE).getMember("_sdvp_static_check");
            context = ctx;
        } catch (RuntimeException e) {
            ctx.close(true);
            throw e;
        }
    }
}
