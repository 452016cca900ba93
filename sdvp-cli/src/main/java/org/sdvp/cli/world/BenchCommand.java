package org.sdvp.cli.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.sdvp.core.io.DataException;
import org.sdvp.world.render.Renderer;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.style.Style;
import org.sdvp.world.style.Styles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sdvp world bench}: scenes per second on the current thread, for scene generation (with its
 * rejection sampling and ID buffer) and for colour rendering per style. Reports the median of several runs
 * after a warm-up run, so the JIT is not measured.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure single-thread scene generation and rendering speed (scenes/s, median of runs). "
                + "PNG encoding and file writing are not included.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenes", defaultValue = "1000", description = "Scenes per run. Default: ${DEFAULT-VALUE}.")
    int scenes;

    @Option(
            names = "--runs",
            defaultValue = "5",
            description = "Timed runs (after one warm-up). Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--size", defaultValue = "128", description = "Image size in pixels. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--style", description = "Only this style (default: all).")
    String style;

    @Override
    public Integer call() throws Exception {
        if (scenes < 1 || runs < 1) throw new DataException("--scenes and --runs must be at least 1");
        List<Style> styles = style == null
                ? Styles.all()
                : List.of(Styles.find(style)
                        .orElseThrow(() -> new DataException(
                                "unknown style '" + style + "'; valid styles: " + String.join(", ", Styles.names()))));
        SceneGenerator.Config config = SceneGenerator.Config.defaults();
        config = new SceneGenerator.Config(
                size,
                size,
                config.minObjects(),
                config.maxObjects(),
                config.minVisibleFraction(),
                config.minVisiblePixels());
        SceneGenerator gen = new SceneGenerator(config);
        List<Scene> drawn = new ArrayList<>();
        double[] genRates = new double[runs];
        for (int r = -1; r < runs; r++) {
            SplittableRandom rng = new SplittableRandom(r + 100);
            drawn.clear();
            long t0 = System.nanoTime();
            for (int i = 0; i < scenes; i++) drawn.add(gen.next(rng, "studio", "bench.png"));
            if (r >= 0) genRates[r] = scenes / ((System.nanoTime() - t0) / 1e9);
        }
        var out = spec.commandLine().getOut();
        out.printf("%dx%d, %d scenes per run, median of %d runs, 1 thread%n", size, size, scenes, runs);
        out.printf("  %-22s %8.0f scenes/s%n", "generate (+ID buffer)", median(genRates));
        Renderer renderer = new Renderer();
        for (Style s : styles) {
            double[] rates = new double[runs];
            for (int r = -1; r < runs; r++) {
                long t0 = System.nanoTime();
                for (Scene sc : drawn) renderer.render(sc, s);
                if (r >= 0) rates[r] = scenes / ((System.nanoTime() - t0) / 1e9);
            }
            out.printf("  render %-15s %8.0f scenes/s%n", s.name(), median(rates));
        }
        return 0;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
