package org.sdvp.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sdvp.cli.SdvpCommand;

/** The {@code sdvp} command line run in this JVM, as the Spark tests call it, with what it printed. */
final class CliCalls {
    private CliCalls() {}

    record Run(int exitCode, String out, String err) {}

    static Run sdvp(String... args) {
        return sdvp(List.of(args));
    }

    static Run sdvp(List<String> args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cmd = SdvpCommand.newCommandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** The driver logs resumption to standard error, beside Spark's own log. */
    static Run sdvpCapturingStderr(List<String> args) {
        PrintStream before = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Run r = sdvp(args);
            return new Run(r.exitCode(), r.out(), r.err() + bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
        }
    }

    @SafeVarargs
    static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) all.addAll(p);
        return all;
    }
}
