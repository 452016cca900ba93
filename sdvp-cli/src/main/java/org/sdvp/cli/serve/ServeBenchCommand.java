package org.sdvp.cli.serve;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sdvp.serve.bench.PageBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sdvp serve bench}: page-load times of the web app on a synthetic experiment. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Write a synthetic experiment (rows x tasks cells, questions per cell, with traces), serve it "
                + "on 127.0.0.1 and time each kind of page: GET to the last byte, median / p90 / max over the loads.",
        footer = {
            "",
            "Example (the figure in docs/performance.md):",
            "  sdvp serve bench --rows 20 --tasks 5 --questions 300",
            "  sdvp serve bench --images 300     # no two questions share a source image"
        })
public final class ServeBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "20", description = "Rows (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--tasks", defaultValue = "5", description = "Tasks (default ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--questions", defaultValue = "300", description = "Questions per cell (default ${DEFAULT-VALUE}).")
    int questions;

    @Option(
            names = "--images",
            defaultValue = "8",
            description = "Source images per task (default ${DEFAULT-VALUE}: questions share them, so first-drawn "
                    + "rationales find most thumbnails drawn already; as many as --questions: each its own).")
    int images;

    @Option(names = "--repeat", defaultValue = "30", description = "Timed loads per page (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Keep the synthetic experiment here (default: a temporary folder, removed).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (rows < 3 || tasks < 1 || questions < 2 || repeat < 1 || images < 8 || images > 1600) {
            spec.commandLine()
                    .getErr()
                    .println("serve bench: needs --rows >= 3, --tasks >= 1, --questions >= 2, --repeat >= 1, "
                            + "--images 8..1600");
            return 2;
        }
        ServeCommand.quietServerLogs();
        Path dir = out != null ? out : Files.createTempDirectory("sdvp-serve-bench");
        try {
            PageBench.run(
                    dir,
                    rows,
                    tasks,
                    questions,
                    images,
                    repeat,
                    new PrintWriter(spec.commandLine().getOut(), true));
        } finally {
            if (out == null) org.sdvp.serve.bench.PageBench.delete(dir);
        }
        return 0;
    }
}
