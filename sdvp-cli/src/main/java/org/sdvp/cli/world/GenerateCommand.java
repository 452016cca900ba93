package org.sdvp.cli.world;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import org.sdvp.cli.support.CommonOptions;
import org.sdvp.cli.support.Progress;
import org.sdvp.core.io.DataException;
import org.sdvp.world.instruct.InstructionGenerator;
import org.sdvp.world.instruct.InstructionTaskSpec;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.style.StyleMix;
import org.sdvp.world.task.DatasetGenerator;
import org.sdvp.world.task.WorldTaskSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sdvp world generate}: one split of a world task, written to {@code OUT/SPLIT}. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Generate one split of a world task: PNG images, scenes.json (CLEVR schema plus boxes and "
                    + "masks) and questions.json (CLEVR schema; nlvr-sim: questions.jsonl with NLVR2's fields), in OUT/SPLIT.",
            "The same task, split, seed, count, style and size give byte-identical files; splits draw from "
                    + "disjoint random streams."
        },
        footer = {
            "",
            "Example:",
            "  sdvp world generate --task gqa-sim --split test --count 500 --seed 1 --out data/world",
            "  sdvp eval --task gqa-sim --data data/world --split test --modules oracle --out results.json"
        })
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--task",
            required = true,
            paramLabel = "TASK",
            description = "gqa-sim, nlvr-sim, count-sim, ref-sim, tag-sim, or an instruction task: edit-sim, "
                    + "knowtag-sim, depth-sim (instructions.json with VisProg programs; edit-sim also gold/ images).")
    String task;

    @Option(
            names = "--split",
            defaultValue = "train",
            paramLabel = "SPLIT",
            description = "Split name (train, val, test, ...): also the output sub-folder. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(
            names = "--count",
            defaultValue = "1000",
            paramLabel = "N",
            description = "Number of questions (for nlvr-sim: sentence-pair rows, two pairs per sentence). "
                    + "Default: ${DEFAULT-VALUE}.")
    int count;

    @Mixin
    CommonOptions.Seed seed;

    @Mixin
    CommonOptions.OutDir out;

    @Option(
            names = "--style",
            paramLabel = "STYLE",
            description =
                    "Visual style (studio, overcast, fog, dusk, clutter), or a per-scene mix such as "
                            + "'studio:65,fog:25,clutter:10' or 'general' (studio, overcast, fog in equal parts). Default: "
                            + "the task's own (gqa-sim dusk, nlvr-sim clutter, count-sim studio, ref-sim overcast, tag-sim fog).")
    String style;

    @Option(
            names = "--size",
            defaultValue = "128",
            paramLabel = "PX",
            description = "Image width and height in pixels. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--force", description = "Replace an existing, non-empty DIR/SPLIT.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        var instructions = InstructionTaskSpec.find(task);
        WorldTaskSpec t = instructions.isPresent() ? null : WorldTaskSpec.find(task);
        String st = style != null
                ? style
                : instructions.map(InstructionTaskSpec::defaultStyle).orElseGet(() -> t.defaultStyle());
        try {
            StyleMix.parse(st);
        } catch (IllegalArgumentException e) {
            throw new DataException(e.getMessage());
        }
        if (!split.matches("[A-Za-z0-9_.-]+") || split.startsWith(".")) {
            throw new DataException("split name '" + split + "' must be letters, digits, '_', '-' or '.'");
        }
        if (count < 1) throw new DataException("--count must be at least 1");
        if (size < 32) throw new DataException("--size must be at least 32");
        Path dir = out.value.resolve(split);
        prepare(dir);
        SceneGenerator.Config config =
                new SceneGenerator.Config(size, size, 3, 10, 0.35, Math.max(8, 24 * size * size / (128 * 128)));
        if (instructions.isPresent()) {
            var request =
                    new InstructionGenerator.Request(instructions.get(), split, count, seed.value, st, dir, config);
            try (ProgressBar bar =
                    Progress.bar(spec.commandLine().getErr(), "generate " + task + "/" + split, count, "q")) {
                new InstructionGenerator().generate(request, done -> bar.stepTo(done));
            }
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%s/%s: %d instructions in style %s (seed %d) -> %s%n",
                            task, split, count, st, seed.value, dir);
            return 0;
        }
        var request = new DatasetGenerator.Request(t, split, count, seed.value, st, dir, config);
        try (ProgressBar bar =
                Progress.bar(spec.commandLine().getErr(), "generate " + t.name() + "/" + split, count, "q")) {
            new DatasetGenerator().generate(request, done -> bar.stepTo(done));
        }
        spec.commandLine()
                .getOut()
                .printf(
                        "%s/%s: %d %s in style %s (seed %d) -> %s%n",
                        t.name(), split, count, t.pairs() ? "sentence-pair rows" : "questions", st, seed.value, dir);
        return 0;
    }

    private void prepare(Path dir) throws IOException, DataException {
        if (!Files.exists(dir)) return;
        if (!Files.isDirectory(dir)) throw new DataException(dir + " exists and is not a folder");
        boolean empty;
        try (Stream<Path> s = Files.list(dir)) {
            empty = s.findAny().isEmpty();
        }
        if (empty) return;
        if (!force) {
            throw new DataException(
                    dir + " exists and is not empty; pass --force to replace it, or choose another --out");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
