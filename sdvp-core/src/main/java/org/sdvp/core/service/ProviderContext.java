package org.sdvp.core.service;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a backend may need besides its own argument: the data folder of the run (the oracle reads the
 * scene annotations there). Serialisable by design, so backends can be rebuilt on another worker.
 */
public record ProviderContext(Optional<Path> dataDir) {
    public static ProviderContext empty() {
        return new ProviderContext(Optional.empty());
    }

    public static ProviderContext ofData(Path dataDir) {
        return new ProviderContext(Optional.of(dataDir));
    }
}
