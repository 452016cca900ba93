package org.sdvp.cli.models;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sdvp teacher}: groups the teacher commands. */
@Command(
        name = "teacher",
        mixinStandardHelpOptions = true,
        description = "Small task-specific teachers (attribute classifier + class-aware detector).",
        subcommands = {TeacherTrainCommand.class, CommandLine.HelpCommand.class})
public final class TeacherCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
