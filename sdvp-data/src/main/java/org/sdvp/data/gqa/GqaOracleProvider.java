package org.sdvp.data.gqa;

import java.nio.file.Files;
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

/**
 * {@code --modules gqa-oracle[:FILE]}: LOC, VQA and MATCH answered from GQA scene graphs, read from
 * {@code FILE} or else from every {@code *_sceneGraphs.json} under the run's data folder (GQA publishes
 * scene graphs for train and val only, so testdev programs cannot be checked this way).
 */
public final class GqaOracleProvider implements ModelServiceProvider {
    @Override public String name() { return "gqa-oracle"; }

    @Override public String usage() { return "gqa-oracle[:FILE] (GQA scene graphs; default: *_sceneGraphs.json in --root)"; }

    @Override
    public ModelServices create(String argument, ProviderContext context) throws BackendException {
        List<Path> files;
        if (!argument.isBlank()) {
            files = List.of(Path.of(argument));
        } else if (context.dataDir().isPresent()) {
            files = new GqaLayout(context.dataDir().get()).sceneGraphFiles();
        } else {
            throw new BackendException("gqa-oracle needs scene graphs: pass --root DIR or gqa-oracle:FILE");
        }
        if (files.isEmpty()) {
            throw new BackendException("gqa-oracle: no *_sceneGraphs.json under " + context.dataDir().orElseThrow()
                    + " (GQA ships scene graphs for train and val only)");
        }
        Map<String, AnnotatedScene> scenes = new HashMap<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) throw new BackendException("gqa-oracle: scene-graph file not found: " + f);
            try {
                scenes.putAll(GqaSceneGraphs.read(f));
            } catch (DataException e) {
                throw new BackendException("gqa-oracle: " + e.getMessage(), e);
            }
        }
        return new SceneOracle(scenes).services("gqa-oracle");
    }
}
