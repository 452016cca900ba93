package org.sdvp.core.io;

import java.io.PrintStream;

/**
 * Whether progress bars are drawn: only where a person is watching. A bar redraws itself in place on a
 * terminal; in a log file, a CI transcript or a test report every redraw becomes one more line.
 *
 * <p>The system property {@value #PROPERTY} ({@code true} or {@code false}) decides. The {@code sdvp} launcher
 * sets it from whether standard error is a terminal (or from {@code SDVP_PROGRESS}), the build's test runner
 * sets it to {@code false}; without it, bars are drawn when the JVM has a console.
 */
public final class ProgressBars {
    public static final String PROPERTY = "sdvp.progress";

    private ProgressBars() {}

    public static boolean shown() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) return Boolean.parseBoolean(p.strip());
        return System.console() != null;
    }

    /** {@code stream} when bars are shown, else null (for the APIs that draw no bar on a null stream). */
    public static PrintStream orNone(PrintStream stream) {
        return shown() ? stream : null;
    }
}
