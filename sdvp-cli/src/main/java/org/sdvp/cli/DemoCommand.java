package org.sdvp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sdvp demo}: the main job on the embedded default (the SDVP experiment). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The main job: the whole SDVP experiment on the embedded world "
                + "(experiment --preset default --out runs/demo), printing the result table.")
public final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("""
                sdvp demo: not yet available. The SDVP experiment (distillation and its table) has not landed yet;
                see the issue tracker. What works now: 'sdvp run' (one program on an image) and 'sdvp eval'.""");
        return 1;
    }
}
