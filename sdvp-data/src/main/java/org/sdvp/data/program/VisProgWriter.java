package org.sdvp.data.program;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds VisProg program text line by line, numbering variables per prefix as VisProg's examples do
 * ({@code BOX0}, {@code IMAGE0}, {@code ANSWER0}, ...). Not thread-safe; one writer per program.
 */
public final class VisProgWriter {
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Integer> counters = new HashMap<>();

    /**
     * Appends {@code PREFIXn=MODULE(k1=v1,k2=v2,...)} and returns the new variable. Values are written as
     * given: pass variable names bare and text through {@link #quote}.
     */
    public String step(String prefix, String module, String... keyValues) {
        if (keyValues.length % 2 != 0) throw new IllegalArgumentException("keys and values must pair up");
        int n = counters.merge(prefix, 1, Integer::sum) - 1;
        String var = prefix + n;
        StringBuilder line = new StringBuilder(var).append('=').append(module).append('(');
        for (int i = 0; i < keyValues.length; i += 2) {
            if (i > 0) line.append(',');
            line.append(keyValues[i]).append('=').append(keyValues[i + 1]);
        }
        lines.add(line.append(')').toString());
        return var;
    }

    /** {@code EVAL(expr="...")} with the expression in double quotes (it uses single-quoted strings inside). */
    public String eval(String expression) {
        if (expression.indexOf('"') >= 0)
            throw new IllegalArgumentException("EVAL expression with a double quote: " + expression);
        return step("ANSWER", "EVAL", "expr", '"' + expression + '"');
    }

    /** The closing {@code FINAL_RESULT=RESULT(var=X)}. */
    public void result(String var) {
        result("FINAL_RESULT", var);
    }

    /** The closing {@code NAME=RESULT(var=X)}: VisProg's NLVR programs name it {@code FINAL_ANSWER}. */
    public void result(String name, String var) {
        lines.add(name + "=RESULT(var=" + var + ")");
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }

    /**
     * A string literal: single quotes, or double quotes when the text holds an apostrophe ("What's on the
     * table?"). VisProg has no escapes, so a text holding both kinds loses its double quotes.
     */
    public static String quote(String text) {
        String t = text.replace('\n', ' ');
        if (t.indexOf('\'') < 0) return "'" + t + "'";
        return '"' + t.replace('"', '\'') + '"';
    }
}
