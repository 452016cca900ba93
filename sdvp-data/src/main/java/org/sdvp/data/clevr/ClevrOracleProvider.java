package org.sdvp.data.clevr;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sdvp.core.io.DataException;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.ModelServiceProvider;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.data.oracle.AnnotatedScene;
import org.sdvp.data.oracle.SceneOracle;

/** {@code --modules clevr-oracle[:FILE]}: LOC, VQA and MATCH from CLEVR scenes (FILE, or every scenes file under --root). */
public final class ClevrOracleProvider implements ModelServiceProvider {
    @Override public String name() { return "clevr-oracle"; }

    @Override public String usage() { return "clevr-oracle[:FILE] (CLEVR scenes; default: *_scenes.json in --root)"; }

    @Override
    public ModelServices create(String argument, ProviderContext context) throws BackendException {
        List<Path> files;
        if (!argument.isBlank()) files = List.of(Path.of(argument));
        else if (context.dataDir().isPresent()) files = new ClevrFiles(context.dataDir().get()).allScenesFiles();
        else throw new BackendException("clevr-oracle needs scenes: pass --root DIR or clevr-oracle:FILE");
        if (files.isEmpty()) throw new BackendException("clevr-oracle: no *_scenes.json under " + context.dataDir().orElseThrow());
        Map<String, AnnotatedScene> scenes = new HashMap<>();
        for (Path f : files) {
            try {
                for (ClevrScene s : ClevrFiles.scenes(f)) scenes.put(s.imageFilename(), ClevrScenes.toScene(s));
            } catch (DataException | IllegalArgumentException e) {
                throw new BackendException("clevr-oracle: " + e.getMessage(), e);
            }
        }
        return new SceneOracle(scenes).services("clevr-oracle");
    }
}
