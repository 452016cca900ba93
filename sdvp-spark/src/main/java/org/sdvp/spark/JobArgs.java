package org.sdvp.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sdvp.cli.support.BenchmarkOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The command's options travel to executors as its arguments and are parsed there by the same picocli mixin,
 * so an executor runs exactly what the driver was asked to run.
 */
final class JobArgs {
    private JobArgs() {}

    @Command(name = "partition")
    static final class Holder {
        @Mixin
        BenchmarkOptions options;

        @Option(names = "--out")
        String out;

        /** eval's: the driver decides it ({@link JobPlan#questionLines}); accepted so that the arguments parse. */
        @Option(names = "--no-questions")
        boolean noQuestions;
    }

    static BenchmarkOptions parse(List<String> args) {
        Holder h = new Holder();
        // the paths appended by forExecutors repeat options given before them: the later value wins
        new CommandLine(h).setOverwrittenOptionsAllowed(true).parseArgs(args.toArray(String[]::new));
        return h.options;
    }

    /**
     * The driver's arguments with its relative paths appended again as absolute ones: a cluster's executors
     * run in folders of their own.
     */
    static List<String> forExecutors(BenchmarkOptions o, List<String> args) {
        List<String> a = new ArrayList<>(args);
        if (o.data != null) add(a, "--data", absolute(o.data.toString()));
        if (!Set.of("dataset", "llm", "native").contains(o.programs)) add(a, "--programs", absolute(o.programs));
        if (o.modules != null && !o.modules.isBlank()) add(a, "--modules", absoluteModules(o.modules));
        return a;
    }

    /** The arguments that decide a job's output: all but where it runs. */
    static List<String> identity(List<String> args) {
        List<String> a = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.equals("--spark")) i++;
            else if (!s.startsWith("--spark=")) a.add(s);
        }
        return a;
    }

    /** {@code teacher:runs/t,vlm:models/s} → the same with absolute folders (names without a folder stay). */
    static String absoluteModules(String spec) {
        List<String> parts = new ArrayList<>();
        for (String part : spec.split(",")) {
            int colon = part.indexOf(':');
            String arg = colon < 0 ? "" : part.substring(colon + 1).trim();
            parts.add(
                    arg.isEmpty() || !Files.exists(Path.of(arg)) ? part : part.substring(0, colon + 1) + absolute(arg));
        }
        return String.join(",", parts);
    }

    private static String absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize().toString();
    }

    private static void add(List<String> a, String option, String value) {
        a.add(option);
        a.add(value);
    }
}
