package org.sdvp.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

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
}
