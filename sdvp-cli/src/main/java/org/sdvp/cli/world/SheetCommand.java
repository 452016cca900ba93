package org.sdvp.cli.world;

import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.sdvp.cli.support.CommonOptions;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.world.render.ContactSheet;
import org.sdvp.world.scene.SceneGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sdvp world sheet}: a contact sheet of every style, to look at what the world renders. */
@Command(
        name = "sheet",
        mixinStandardHelpOptions = true,
        description = "Render the same scenes in every style into one PNG (docs/world-styles.png is one).")
public final class SheetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.OutFile out;

    @Option(names = "--columns", defaultValue = "5", description = "Scenes per style. Default: ${DEFAULT-VALUE}.")
    int columns;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the scenes. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        var img = ContactSheet.render(Math.max(1, columns), seed, SceneGenerator.Config.defaults());
        AtomicFiles.write(out.value, o -> ImageIO.write(img, "png", o));
        spec.commandLine().getOut().println("wrote " + out.value);
        return 0;
    }
}
