package org.sdvp.viper.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Source;
import org.sdvp.viper.sandbox.PythonSandbox;

/**
 * The Python half of the API ({@code image_patch.py}) and the program loop ({@code session.py}), parsed
 * once per engine: the sources are {@code cached}, so each new context reuses the parsed code.
 */
public final class Prelude {
    /** The file name programs are evaluated under; the prelude finds call lines by it. */
    public static final String PROGRAM_FILE = "program.py";

    private static final Source SOURCE = PythonSandbox.cachedSource("image_patch.py", read("image_patch.py"));
    private static final Source SESSION = PythonSandbox.cachedSource("session.py", read("session.py"));
    private static final Source STATIC_CHECK = PythonSandbox.cachedSource("static_check.py", read("static_check.py"));

    private Prelude() {}

    public static Source source() {
        return SOURCE;
    }

    /**
     * The program loop evaluated after the prelude: fresh namespaces per program, the fallback program,
     * and the check that a program left the shared interpreter state alone (for reused contexts).
     */
    public static Source session() {
        return SESSION;
    }

    /**
     * The static check of generated programs ({@code _sdvp_static_check(source, images)}), evaluated after
     * the prelude in a checker context; it parses programs and never runs them.
     */
    public static Source staticCheck() {
        return STATIC_CHECK;
    }

    /** The prelude text (for docs and tests). */
    public static String text() {
        return SOURCE.getCharacters().toString();
    }

    private static String read(String name) {
        try (InputStream in = Prelude.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
