package org.sdvp.viper.runner;

import java.util.Optional;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.sdvp.core.program.ProgramError;
import org.sdvp.viper.api.ImagePatchApi;
import org.sdvp.viper.api.Prelude;
import org.sdvp.viper.sandbox.PythonSandbox;
import org.sdvp.viper.sandbox.SandboxLimits;

/**
 * A sandboxed context holding the API prelude and the program loop, used for one program or, when
 * reuse is enabled, for several in turn (never at once). Each program runs in a fresh namespace; a
 * reused context is given back only if {@code _sdvp_clean()} finds the shared interpreter state untouched.
 * Not thread-safe: one program at a time.
 */
final class Session implements AutoCloseable {
    private final Context context;
    private final int maxUses;
    private final Value begin, compile, fallback, call, end, clean, patch, kind, str;
    private int uses;
    private Value namespace;
    /** Why the current program may not share this context with later ones; null if it may. */
    private String unscreened;

    private Session(Context context, int maxUses) {
        this.context = context;
        this.maxUses = maxUses;
        context.eval(Prelude.source());
        context.eval(Prelude.session());
        Value b = context.getBindings(PythonSandbox.LANGUAGE);
        begin = b.getMember("_sdvp_begin");
        compile = b.getMember("_sdvp_compile");
        fallback = b.getMember("_sdvp_fallback");
        call = b.getMember("_sdvp_call");
        end = b.getMember("_sdvp_end");
        clean = b.getMember("_sdvp_clean");
        patch = b.getMember("_patch");
        kind = b.getMember("_kind");
        str = b.getMember("str");
    }

    /**
     * A new session. GraalPy's CPU-time limit is per program: its accumulator is reset before each one
     * ({@link Context#resetLimits()}); the watchdog enforces the same limit independently.
     */
    static Session open(PythonSandbox sandbox, SandboxLimits limits, int maxUses) {
        Context c = sandbox.newContext(limits);
        try {
            return new Session(c, maxUses);
        } catch (RuntimeException e) {
            c.close(true);
            throw e;
        }
    }

    Context context() {
        return context;
    }

    /** Starts a program: a fresh namespace and the bridge it calls. */
    void begin(ImagePatchApi api) {
        uses++;
        unscreened = null;
        if (uses > 1) context.resetLimits();
        namespace = begin.execute(api);
    }

    /**
     * Compiles the program and runs its module code in the namespace.
     *
     * @return the reason it cannot run: a syntax error, or no {@code execute_command}
     */
    Optional<ProgramError> load(String source) {
        unscreened = ProgramScreen.check(source).orElse(null);
        Value r = compile.execute(namespace, source);
        if (r.isNull()) return Optional.empty();
        String s = r.asString();
        if (s.equals("missing")) return Optional.of(missingEntry());
        String[] parts = s.split(":", 3);
        return Optional.of(new ProgramError(
                Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), "", "Python syntax error: " + parts[2]));
    }

    /** Defines the fallback program; the question is passed as data, never spliced into source. */
    void loadFallback(String question) {
        fallback.execute(namespace, question);
    }

    Value patch(int handle) {
        return patch.execute(handle);
    }

    Value call(Object... patches) {
        Object[] args = new Object[patches.length + 1];
        args[0] = namespace;
        System.arraycopy(patches, 0, args, 1, patches.length);
        return call.execute(args);
    }

    ResultConverter converter(ImagePatchApi api) {
        return new ResultConverter(kind, str, api);
    }

    /**
     * Why the program that just ran may not share this context with later ones (it reaches for shared
     * state: a name with '_', an attribute assignment, a non-allowed import, ...), or empty.
     */
    Optional<String> unscreened() {
        return Optional.ofNullable(unscreened);
    }

    /**
     * Ends the program; whether this session may run another: uses left, the program passed the screen,
     * and the shared interpreter state is as it was when the context was made.
     *
     * @param screened false only in tests of the state check alone: ignore the screen's verdict
     */
    boolean finish(boolean screened) {
        namespace = null;
        end.execute();
        return uses < maxUses
                && (unscreened == null || !screened)
                && clean.execute().asBoolean();
    }

    static ProgramError missingEntry() {
        return new ProgramError(
                1,
                0,
                "execute_command",
                "the program must define execute_command(image), or execute_command(left, right) for image pairs");
    }

    @Override
    public void close() {
        try {
            context.close(true);
        } catch (RuntimeException alreadyClosing) {
            // The watchdog is closing it on its own thread.
        }
    }
}
