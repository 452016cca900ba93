package org.sdvp.data.gqa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sdvp.core.io.DataException;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.ModelServiceProvider;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ProviderContext;

/**
 * {@code --modules gqa-oracle[:val|:train|:FILE]}: LOC, VQA and MATCH answered from GQA scene graphs: those
 * of one split under the run's data folder ({@code gqa-oracle:val} reads {@code val_sceneGraphs.json}), of
 * a file, or by default of every {@code *_sceneGraphs.json} under the data folder. GQA publishes scene
 * graphs for train and val only, so testdev programs cannot be checked this way. The files are read once
 * to check and index them ({@link GqaSceneIndex}); a graph is read again when a question asks about its
 * image, so memory holds an index entry per image and a bounded cache, not every graph.
 */
public final class GqaOracleProvider implements ModelServiceProvider {
    @Override
    public String name() {
        return "gqa-oracle";
    }

    @Override
    public String usage() {
        return "gqa-oracle[:val|:train|:FILE] (GQA scene graphs; default: every *_sceneGraphs.json in --root)";
    }

    @Override
    public ModelServices create(String argument, ProviderContext context) throws BackendException {
        List<Path> files;
        if (!argument.isBlank()
                && context.dataDir().isPresent()
                && !argument.contains("/")
                && !argument.endsWith(".json")) {
            // a split prefix: gqa-oracle:val reads only val_sceneGraphs.json (train's is ten times larger)
            files = List.of(new GqaLayout(context.dataDir().get())
                    .sceneGraphFile(argument)
                    .orElseThrow(() -> new BackendException("gqa-oracle: no " + argument + "_sceneGraphs.json under "
                            + context.dataDir().get())));
        } else if (!argument.isBlank()) {
            files = List.of(Path.of(argument));
        } else if (context.dataDir().isPresent()) {
            files = new GqaLayout(context.dataDir().get()).sceneGraphFiles();
        } else {
            throw new BackendException("gqa-oracle needs scene graphs: pass --root DIR or gqa-oracle:FILE");
        }
        if (files.isEmpty()) {
            throw new BackendException("gqa-oracle: no *_sceneGraphs.json under "
                    + context.dataDir().orElseThrow() + " (GQA ships scene graphs for train and val only)");
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) throw new BackendException("gqa-oracle: scene-graph file not found: " + f);
        }
        try {
            return new GqaSceneIndex(files).oracle().services("gqa-oracle");
        } catch (DataException e) {
            throw new BackendException("gqa-oracle: " + e.getMessage(), e);
        }
    }
}
