package org.sdvp.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the sdvp command line in-process, capturing exit code, standard output and standard error. */
public final class CliRunner {
    public record Result(int exitCode, String out, String err) {}

    private CliRunner() {}

    public static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cmd = SdvpCommand.newCommandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** {@code sdvp world generate} of a small split, for tests that need world data on disk. */
    public static Result generate(String task, String split, int count, long seed, Path out) {
        return run(
                "world",
                "generate",
                "--task",
                task,
                "--split",
                split,
                "--count",
                String.valueOf(count),
                "--seed",
                String.valueOf(seed),
                "--out",
                out.toString());
    }
}
