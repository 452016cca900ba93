package org.sdvp.backends.train;

import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.sdvp.backends.config.OwnModelFolder;
import org.sdvp.backends.engine.TorchScriptEngine;
import org.sdvp.backends.service.OwnModel;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.BackendException;

/**
 * Writes a trained TorchScript model as an own-model folder again: the module's current parameters as a
 * TorchScript archive (what {@code torch.jit.load} opens; the same file name as the parent's), the parent's
 * model.json, tokenizer and vocabulary unchanged, and {@code config.json} with the training's provenance. The
 * folder appears whole or not at all (written beside it, then renamed).
 */
public final class OwnModelExport {
    public static final String PROVENANCE = "config.json";

    private OwnModelExport() {}

    /** @param provenance what made the model (parent, data, seed, configuration, code version), as config.json */
    public static void save(OwnModel model, Path dir, Map<String, Object> provenance)
            throws BackendException, IOException {
        if (!(model.engine() instanceof TorchScriptEngine ts)) {
            throw new BackendException("only a TorchScript model can be saved as TorchScript: "
                    + model.folder().dir());
        }
        OwnModelFolder f = model.folder();
        Path target = dir.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
        try {
            try (OutputStream out =
                    Files.newOutputStream(tmp.resolve(f.modelFile().getFileName()))) {
                JniUtils.writeModule((PtSymbolBlock) ts.model().getBlock(), out, false);
            }
            Files.copy(f.dir().resolve(OwnModelFolder.CONFIG), tmp.resolve(OwnModelFolder.CONFIG));
            Files.copy(f.tokenizerFile(), tmp.resolve(f.tokenizerFile().getFileName()));
            if (f.config().answers() != null)
                Files.copy(
                        f.dir().resolve(f.config().answers()),
                        tmp.resolve(f.config().answers()));
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("format", "sdvp-own-student");
            config.put("formatVersion", 1);
            config.putAll(provenance);
            Json.write(tmp.resolve(PROVENANCE), config);
            if (Files.exists(target)) deleteTree(target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } finally {
            if (Files.exists(tmp)) deleteTree(tmp);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
