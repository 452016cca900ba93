package org.sdvp.backends.train;

import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sdvp.backends.config.OwnModelFolder;
import org.sdvp.backends.config.Role;
import org.sdvp.backends.engine.EngineException;
import org.sdvp.backends.engine.HostTensor;
import org.sdvp.backends.engine.TorchScriptEngine;
import org.sdvp.backends.service.OwnModel;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.BackendException;

/**
 * Writes a trained TorchScript model as an own-model folder again: the module's current parameters as a
 * TorchScript archive (what {@code torch.jit.load} opens; the same file name as the parent's), the parent's
 * model.json, tokenizer and vocabulary unchanged, and {@code config.json} with the training's provenance. The
 * folder appears whole or not at all (written beside it, then renamed), and only once the written file, loaded
 * back as an own model, gives the trained model's outputs on the check inputs.
 */
public final class OwnModelExport {
    public static final String PROVENANCE = "config.json";
    /** Check inputs run through both models at most. */
    static final int CHECKED = 16;
    /**
     * Largest output difference allowed between the trained module and the file written from it. Same libtorch,
     * same weights, eval mode, one thread: the outputs are expected to be equal; the margin is for float noise.
     */
    static final double TOLERANCE = 1e-5;

    /** What the reload check found: {@code inputs} run through both, their outputs' largest absolute difference. */
    public record ReloadCheck(int inputs, double largestDifference) {}

    private OwnModelExport() {}

    /** {@link #save(OwnModel, Path, Map, List)} checked on one blank image. */
    public static ReloadCheck save(OwnModel model, Path dir, Map<String, Object> provenance)
            throws BackendException, IOException {
        return save(
                model,
                dir,
                provenance,
                List.of(new TrainingPair(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "a", new float[0])));
    }

    /**
     * @param provenance what made the model (parent, data, seed, configuration, code version), as config.json
     * @param check      inputs (the first {@value #CHECKED} are used; targets are ignored) on which the written
     *                   file must give the trained model's outputs; the result goes into config.json too
     * @throws BackendException when the written file does not load back as an own model or its outputs differ
     *                          (nothing is left at {@code dir})
     */
    public static ReloadCheck save(OwnModel model, Path dir, Map<String, Object> provenance, List<TrainingPair> check)
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
            ReloadCheck reload = reload(model, tmp, check);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("format", "sdvp-own-student");
            config.put("formatVersion", 1);
            config.putAll(provenance);
            config.put("reloadCheck", reload);
            Json.write(tmp.resolve(PROVENANCE), config);
            if (Files.exists(target)) deleteTree(target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            return reload;
        } finally {
            if (Files.exists(tmp)) deleteTree(tmp);
        }
    }

    /** Loads the written folder as {@code --modules torchscript:DIR} does and compares every output. */
    private static ReloadCheck reload(OwnModel trained, Path written, List<TrainingPair> check)
            throws BackendException {
        List<TrainingPair> inputs = check.subList(0, Math.min(CHECKED, check.size()));
        if (inputs.isEmpty()) throw new IllegalArgumentException("no inputs to check the saved model on");
        try (OwnModel back = OwnModel.load(written, "torchscript")) {
            List<OwnModel.Prepared> a = new ArrayList<>(), b = new ArrayList<>();
            for (TrainingPair p : inputs) {
                a.add(trained.prepare(p.image(), p.text()));
                b.add(back.prepare(p.image(), p.text()));
            }
            Map<Role, HostTensor.Floats> want = trained.run(a), got = back.run(b);
            double largest = 0;
            for (Map.Entry<Role, HostTensor.Floats> e : want.entrySet()) {
                float[] w = e.getValue().data(), g = got.get(e.getKey()).data();
                for (int i = 0; i < w.length; i++) largest = Math.max(largest, Math.abs(w[i] - g[i]));
            }
            if (!(largest <= TOLERANCE)) {
                throw new BackendException("the TorchScript file written from the trained model does not reproduce "
                        + "it: largest output difference " + largest + " on " + inputs.size()
                        + " inputs (allowed " + TOLERANCE + "); nothing was saved");
            }
            return new ReloadCheck(inputs.size(), largest);
        } catch (EngineException e) {
            throw new BackendException("the saved TorchScript model could not be run: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
