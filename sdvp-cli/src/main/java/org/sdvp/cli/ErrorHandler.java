package org.sdvp.cli;

import org.sdvp.core.io.DataException;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.service.BackendException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failure's message, not a stack trace, and maps it to the exit code contract: bad input
 * (invalid program, unknown task/backend, unreadable data) is 2, anything else 1.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        var err = cmd.getErr();
        if (ex instanceof InvalidProgramException ipe) {
            int n = ipe.errors().size();
            err.println("invalid program: " + n + " problem" + (n == 1 ? "" : "s") + "; nothing was run");
            ipe.errors().forEach(e -> err.println("  " + e.format()));
            return 2;
        }
        if (ex instanceof DataException || ex instanceof BackendException) {
            err.println("sdvp: " + ex.getMessage());
            return 2;
        }
        err.println("sdvp: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
        if (System.getenv("SDVP_DEBUG") != null) ex.printStackTrace(err);
        else err.println("(set SDVP_DEBUG=1 for the stack trace)");
        return 1;
    }
}
