package org.sdvp.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.sdvp.serve.sample.SampleExperiment;

/**
 * One server for every test class (starting Jetty and writing the fixture once): {@code runs/exp} is
 * {@link SampleExperiment#small()}; {@code runs/single/gqa-sim.json} a single evaluation of it
 * ({@link SampleExperiment#writeEvaluation}); {@code runs/link} is a symbolic link to a folder outside the runs folder
 * holding a secret that looks like a run (an experiment and a results file).
 */
final class Fixture {
    static final Path ROOT;
    static final Path RUNS;
    static final ServeApp APP;

    static {
        try {
            ROOT = Files.createTempDirectory("sdvp-serve-test");
            RUNS = Files.createDirectories(ROOT.resolve("runs"));
            SampleExperiment.small().write(RUNS.resolve("exp"));
            SampleExperiment.small().writeEvaluation(RUNS.resolve("exp"), RUNS.resolve("single"));
            Path secret = Files.createDirectories(ROOT.resolve("outside").resolve("secret"));
            Files.writeString(
                    secret.resolve("r.json"),
                    "{\"task\":\"t\",\"split\":\"s\",\"metric\":\"m\",\"score\":1,\"misses\":[],\"secret\":\"TOP-SECRET\"}");
            SampleExperiment.small().write(secret.resolve("exp"));
            Files.createSymbolicLink(RUNS.resolve("link"), secret);
            APP = ServeApp.start(RUNS, "127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(Fixture::cleanUp));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Fixture() {}

    private static void cleanUp() {
        APP.close();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the build for
        }
    }
}
