package org.sdvp.world.oracle;

import java.nio.file.Path;
import org.sdvp.core.io.DataException;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.ModelServiceProvider;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ProviderContext;

/**
 * {@code --modules oracle}: answers from the scene annotations of the run's data folder;
 * {@code oracle:DIR} reads them from DIR instead.
 */
public final class OracleProvider implements ModelServiceProvider {
    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public String usage() {
        return "oracle[:DIR] (answers from the world's scene annotations)";
    }

    @Override
    public ModelServices create(String argument, ProviderContext context) throws BackendException {
        Path dir = !argument.isBlank()
                ? Path.of(argument)
                : context.dataDir()
                        .orElseThrow(() -> new BackendException(
                                "the oracle needs scene annotations: pass --data DIR or --modules oracle:DIR"));
        try {
            return OracleServices.create(SceneIndex.load(dir));
        } catch (DataException e) {
            throw new BackendException(e.getMessage(), e);
        }
    }
}
