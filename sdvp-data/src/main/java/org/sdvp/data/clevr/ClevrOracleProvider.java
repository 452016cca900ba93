package org.sdvp.data.clevr;

import java.nio.file.Path;
import java.util.List;
import org.sdvp.core.io.DataException;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.ModelServiceProvider;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.data.oracle.Annotations;

/** {@code --modules clevr-oracle[:FILE]}: LOC, VQA and MATCH from CLEVR scenes (FILE, or every scenes file under --root). */
public final class ClevrOracleProvider implements ModelServiceProvider {
    @Override
    public String name() {
        return "clevr-oracle";
    }

    @Override
    public String usage() {
        return "clevr-oracle[:FILE] (CLEVR scenes; default: *_scenes.json in --root)";
    }

    @Override
    public ModelServices create(String argument, ProviderContext context) throws BackendException {
        List<Path> files;
        if (!argument.isBlank()) files = List.of(Path.of(argument));
        else if (context.dataDir().isPresent())
            files = new ClevrFiles(context.dataDir().get()).allScenesFiles();
        else throw new BackendException("clevr-oracle needs scenes: pass --root DIR or clevr-oracle:FILE");
        if (files.isEmpty())
            throw new BackendException(
                    "clevr-oracle: no *_scenes.json under " + context.dataDir().orElseThrow());
        Annotations scenes = new Annotations();
        for (Path f : files) {
            try {
                ClevrFiles.annotations(f, scenes);
            } catch (DataException e) {
                throw new BackendException("clevr-oracle: " + e.getMessage(), e);
            }
        }
        return scenes.oracle("clevr-oracle").services("clevr-oracle");
    }
}
