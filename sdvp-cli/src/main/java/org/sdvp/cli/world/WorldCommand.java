package org.sdvp.cli.world;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sdvp world}: the embedded benchmark world (generate splits, list tasks and styles, benchmark). */
@Command(
        name = "world",
        mixinStandardHelpOptions = true,
        description = "The embedded benchmark world: CLEVR-like scenes rendered with Java2D in several styles, "
                + "with tasks gqa-sim, nlvr-sim, count-sim, ref-sim and tag-sim (docs/world.md).",
        subcommands = {
            GenerateCommand.class,
            ListCommand.class,
            SheetCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class WorldCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
