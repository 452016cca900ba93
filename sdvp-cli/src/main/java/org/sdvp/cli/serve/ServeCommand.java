package org.sdvp.cli.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sdvp.serve.ServeApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sdvp serve}: browse the runs under a folder in a web browser (local, read-only). */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        subcommands = ServeBenchCommand.class,
        description = "Serve a local, read-only web app over the runs under a folder: experiments (the table with "
                + "interactive charts, every question of any two rows, their programs and rationales side by side), "
                + "distillation stages (loss curves, pseudo-labels, sample calls) and evaluations.",
        footer = {
            "",
            "Only files under --runs are read; nothing is written. Bound to 127.0.0.1 unless --host says "
                    + "otherwise (the pages show questions, programs and file names of your runs).",
            "",
            "Example:",
            "  sdvp serve --runs runs            # then open http://127.0.0.1:7070/",
            "  sdvp serve bench                  # page-load times on a synthetic 100-cell experiment"
        })
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--runs",
            paramLabel = "DIR",
            description = "The folder whose runs are served (searched recursively).")
    Path runs;

    @Option(
            names = "--port",
            paramLabel = "P",
            defaultValue = "7070",
            description = "Port (default ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "H",
            defaultValue = "127.0.0.1",
            description = "Address to bind (default ${DEFAULT-VALUE}: this machine only).")
    String host;

    @Override
    public Integer call() throws Exception {
        if (runs == null) {
            spec.commandLine()
                    .getErr()
                    .println("serve: --runs DIR is required (the folder holding experiments, stages or results)");
            return 2;
        }
        if (!Files.isDirectory(runs)) {
            spec.commandLine().getErr().println("serve: no such folder: " + runs);
            return 2;
        }
        if (port < 0 || port > 65535) {
            spec.commandLine().getErr().println("serve: --port must be 0..65535: " + port);
            return 2;
        }
        quietServerLogs();
        ServeApp app;
        try {
            app = ServeApp.start(runs, host, port);
        } catch (RuntimeException | IOException e) {
            spec.commandLine()
                    .getErr()
                    .println("serve: cannot listen on " + host + ":" + port + ": " + e.getMessage()
                            + (port != 0 ? " (is the port in use? --port 0 picks a free one)" : ""));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }));
        spec.commandLine()
                .getOut()
                .println("serving " + runs.toAbsolutePath().normalize() + " at " + app.url()
                        + " (read-only; Ctrl-C stops)");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    /** Jetty's and Javalin's start-up lines would bury the one line that matters (the address). */
    static void quietServerLogs() {
        System.setProperty(
                "org.slf4j.simpleLogger.log.io.javalin",
                System.getProperty("org.slf4j.simpleLogger.log.io.javalin", "warn"));
        System.setProperty(
                "org.slf4j.simpleLogger.log.org.eclipse.jetty",
                System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn"));
    }
}
