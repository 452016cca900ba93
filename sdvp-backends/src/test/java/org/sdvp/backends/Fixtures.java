package org.sdvp.backends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The committed own-model fixtures (sdvp-backends/fixtures/make_fixtures.py): {@code vqa-onnx}, {@code loc-torchscript}, ... */
public final class Fixtures {
    private Fixtures() {}

    public static Path root() {
        try {
            return Path.of(Fixtures.class.getResource("/own-models/SHA256SUMS").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path dir(String service, String engine) {
        return root().resolve(service + "-" + engine);
    }

    /** A copy of a fixture folder under {@code tmp}, to break. */
    public static Path copy(String service, String engine, Path tmp) {
        Path from = dir(service, engine), to = tmp.resolve(service + "-" + engine);
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
