package org.sdvp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sdvp.cli.distill.ExperimentCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sdvp demo}: the main job on the embedded default (the SDVP experiment). */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "The main job: the whole SDVP experiment on the embedded world, "
                    + "i.e. 'sdvp experiment --preset default --out runs/demo', printing the result table and where "
                    + "report.html is.",
            "Resumable: run it again after an interruption and finished parts are reused."
        },
        footer = {
            "",
            "Examples:",
            "  sdvp demo",
            "  sdvp demo --out runs/demo2 --frameworks visprog,viper",
            "  sdvp demo --jobs 1"
        })
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "runs/demo", paramLabel = "DIR", description = "Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(
            names = "--frameworks",
            defaultValue = "visprog",
            paramLabel = "LIST",
            description = "Frameworks the rows are evaluated under, e.g. visprog,viper. Default: ${DEFAULT-VALUE}.")
    String frameworks;

    @Option(names = "--jobs", paramLabel = "N", description = ExperimentCommand.JOBS_HELP)
    Integer jobs;

    @Override
    public Integer call() throws Exception {
        return ExperimentCommand.run(
                spec, ExperimentCommand.options(spec, "default", null, false, out, null, frameworks, "visprog", jobs));
    }
}
