package org.sdvp.cli;

import org.sdvp.cli.distill.CollectCommand;
import org.sdvp.cli.distill.DistillCommand;
import org.sdvp.cli.distill.ExperimentCommand;
import org.sdvp.cli.eval.EvalCommand;
import org.sdvp.cli.models.CalibrateCommand;
import org.sdvp.cli.models.EvalModulesCommand;
import org.sdvp.cli.models.PretrainCommand;
import org.sdvp.cli.models.TeacherCommand;
import org.sdvp.cli.run.RunCommand;
import org.sdvp.cli.serve.ServeCommand;
import org.sdvp.cli.world.WorldCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code sdvp} command: lists the subcommands; each lives in its own class. */
@Command(
        name = "sdvp",
        mixinStandardHelpOptions = true,
        resourceBundle = "org.sdvp.cli.options", // help of the shared options (support.CommonOptions)
        versionProvider = SdvpVersion.class,
        description = {
            "Visual programming with stepwise distillation (SDVP).",
            "Runs VisProg- and ViperGPT-style programs over images, evaluates them on",
            "benchmarks, and distills small task-specific teachers into the general VLM",
            "behind the program modules."
        },
        subcommands = {
            RunCommand.class,
            EvalCommand.class,
            CollectCommand.class,
            DistillCommand.class,
            ExperimentCommand.class,
            DemoCommand.class,
            WorldCommand.class,
            PretrainCommand.class,
            CalibrateCommand.class,
            TeacherCommand.class,
            EvalModulesCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:Success.",
            " 1:Failure (a program step failed, a run could not finish).",
            " 2:Bad usage or input (invalid program, unknown task or backend, unreadable file)."
        },
        footer = {"", "Run 'sdvp help COMMAND' for a command's options. Docs: README.md and docs/."})
public final class SdvpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line (also used by tests, with their own out/err writers). */
    public static CommandLine newCommandLine() {
        return new CommandLine(new SdvpCommand())
                .setExecutionExceptionHandler(new ErrorHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
