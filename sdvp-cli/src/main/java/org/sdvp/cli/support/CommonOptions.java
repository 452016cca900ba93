package org.sdvp.cli.support;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options many commands share ({@code --seed}, {@code --out}, {@code --data}), declared once as picocli
 * mixins: {@code @Mixin CommonOptions.Seed seed;} then {@code seed.value}. Their help text comes from the
 * resource bundle {@code org/sdvp/cli/options.properties} (set on the {@code sdvp} command): one sentence
 * for every command, or a command's own under its qualified name ({@code sdvp.world.generate.option.out}).
 */
public final class CommonOptions {
    private CommonOptions() {}

    /** {@code --seed N}, default 1. */
    public static final class Seed {
        @Option(names = "--seed", defaultValue = "1", paramLabel = "N", descriptionKey = "option.seed")
        public long value;
    }

    /** {@code --out DIR}, required: the folder the command writes. */
    public static final class OutDir {
        @Option(names = "--out", required = true, paramLabel = "DIR", descriptionKey = "option.out.dir")
        public Path value;
    }

    /** {@code --out FILE}, required: the file the command writes. */
    public static final class OutFile {
        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "option.out.file")
        public Path value;
    }

    /**
     * {@code --data DIR}, optional: a data folder from {@code sdvp world generate}; {@code --root DIR} is the same
     * option spelt as for a real dataset's root ({@code --dataset clevr --root DIR}, as in {@code eval}).
     */
    public static final class Data {
        @Option(
                names = {"--data", "--root"},
                paramLabel = "DIR",
                descriptionKey = "option.data")
        public Path value;
    }
}
