package org.sdvp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    /** {@code sdvp world generate} of {@code count} train questions of a task into {@code out}; fails the test if it fails. */
    static Path generateTrain(String task, int count, long seed, Path out) {
        Run gen = sdvp(
                "world",
                "generate",
                "--task",
                task,
                "--split",
                "train",
                "--count",
                String.valueOf(count),
                "--seed",
                String.valueOf(seed),
                "--out",
                out.toString());
        assertEquals(0, gen.exitCode(), gen.err());
        return out;
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
