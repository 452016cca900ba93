package org.sdvp.viper.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Source;
import org.sdvp.viper.sandbox.PythonSandbox;

/**
 * The Python half of the API ({@code image_patch.py}), parsed once per engine: the source is
 * {@code cached}, so each new context reuses the parsed code instead of compiling it again.
 */
public final class Prelude {
    /** The file name programs are evaluated under; the prelude finds call lines by it. */
    public static final String PROGRAM_FILE = "program.py";
    /** Name of the host bridge in a context's bindings before the prelude hides it. */
    public static final String BRIDGE_BINDING = "_api";

    private static final Source SOURCE = PythonSandbox.cachedSource("image_patch.py", read("image_patch.py"));

    private Prelude() {}

    public static Source source() { return SOURCE; }

    /** The prelude text (for docs and tests). */
    public static String text() { return SOURCE.getCharacters().toString(); }

    private static String read(String name) {
        try (InputStream in = Prelude.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
