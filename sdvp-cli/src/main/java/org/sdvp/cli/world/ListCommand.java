package org.sdvp.cli.world;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sdvp.world.style.Style;
import org.sdvp.world.style.Styles;
import org.sdvp.world.task.WorldTaskSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sdvp world list}: the tasks and styles. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the world's tasks and styles.")
public final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Tasks:");
        for (WorldTaskSpec t : WorldTaskSpec.all()) {
            out.printf(
                    "  %-10s %-7s style %-9s metric %-12s %s%n",
                    t.name(), t.role(), t.defaultStyle(), t.metric().name(), t.description());
        }
        out.println("Styles:");
        for (Style s : Styles.all()) {
            out.printf(
                    "  %-9s %-8s %s%n",
                    s.name(), Styles.general().contains(s.name()) ? "general" : "target", s.description());
        }
        return 0;
    }
}
