package org.sdvp.backends.service;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sdvp.backends.config.OwnModelFolder;
import org.sdvp.backends.config.Role;
import org.sdvp.backends.config.TensorSpec;
import org.sdvp.backends.engine.EngineException;
import org.sdvp.backends.engine.HostTensor;
import org.sdvp.backends.engine.InferenceEngine;
import org.sdvp.backends.input.ImagePreprocessor;
import org.sdvp.backends.input.TextEncoder;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.value.ImageValue;

/**
 * A user's exported model with its folder's description: turns (image, text) pairs into the input tensors
 * model.json names, runs the engine, hands back the outputs by role. Loading checks the model against
 * model.json — the file's declared tensors (ONNX) and one probe batch through the model (both engines) — and
 * refuses it, naming the tensor, the expected and the found shape, before anything else happens.
 */
public final class OwnModel implements AutoCloseable {
    static final int PROBE_BATCH = 2;

    private final OwnModelFolder folder;
    private final InferenceEngine engine;
    private final ImagePreprocessor images;
    private final TextEncoder texts;

    private OwnModel(OwnModelFolder folder, InferenceEngine engine, ImagePreprocessor images, TextEncoder texts) {
        this.folder = folder;
        this.engine = engine;
        this.images = images;
        this.texts = texts;
    }

    /** One request's inputs, made on the calling program's thread. */
    public record Prepared(
            ImagePreprocessor.Prepared image, TextEncoder.Prepared text, int imageWidth, int imageHeight) {}

    /**
     * @param engineName the {@code --modules} entry's name ({@code torchscript}, {@code onnx})
     * @throws BackendException naming the file, field or tensor that does not fit
     */
    public static OwnModel load(Path dir, String engineName) throws BackendException {
        return load(dir, engineName, false);
    }

    /** A TorchScript model whose parameters load with gradients, checked as {@link #load} checks, to train them. */
    public static OwnModel loadTrainable(Path dir) throws BackendException {
        return load(dir, "torchscript", true);
    }

    private static OwnModel load(Path dir, String engineName, boolean trainable) throws BackendException {
        OwnModelFolder folder = OwnModelFolder.read(dir, engineName);
        TextEncoder texts =
                TextEncoder.open(folder.tokenizerFile(), folder.config().tokenizer());
        InferenceEngine engine = null;
        try {
            engine = InferenceEngine.open(engineName, folder.modelFile(), trainable);
            OwnModel m = new OwnModel(
                    folder, engine, new ImagePreprocessor(folder.config().image()), texts);
            m.check();
            return m;
        } catch (BackendException | RuntimeException e) {
            if (engine != null) engine.close();
            texts.close();
            throw e;
        }
    }

    public OwnModelFolder folder() {
        return folder;
    }

    public InferenceEngine engine() {
        return engine;
    }

    public Prepared prepare(ImageValue image, String text) {
        return prepare(image.pixels(), text);
    }

    public Prepared prepare(BufferedImage pixels, String text) {
        return new Prepared(images.prepare(pixels), texts.encode(text), pixels.getWidth(), pixels.getHeight());
    }

    /** The input tensors of a batch, in model.json's order (TorchScript takes them by position). */
    public List<HostTensor> inputs(List<Prepared> batch) {
        List<TensorSpec> inputs = folder.config().inputs();
        List<HostTensor> tensors = new ArrayList<>(inputs.size());
        for (TensorSpec t : inputs)
            tensors.add(ModelInputs.tensor(Role.parse(t.role()), batch, images, texts.maxLength()));
        return tensors;
    }

    /** The model's outputs for a batch, by role. */
    public Map<Role, HostTensor.Floats> run(List<Prepared> batch) throws EngineException {
        List<TensorSpec> inputs = folder.config().inputs();
        List<HostTensor> tensors = inputs(batch);
        Map<String, HostTensor.Floats> byName =
                engine.run(inputs, tensors, folder.config().outputs());
        Map<Role, HostTensor.Floats> byRole = new java.util.EnumMap<>(Role.class);
        for (TensorSpec t : folder.config().outputs()) byRole.put(Role.parse(t.role()), byName.get(t.name()));
        return byRole;
    }

    /** The load-time checks: model.json against itself, the file's declarations, and a probe batch. */
    private void check() throws BackendException {
        List<String> problems = new ArrayList<>();
        List<Prepared> probe = new ArrayList<>();
        for (int i = 0; i < PROBE_BATCH; i++) {
            probe.add(prepare(new BufferedImage(40 + 8 * i, 30, BufferedImage.TYPE_INT_RGB), "a small red cube"));
        }
        for (TensorSpec t : folder.config().inputs()) {
            long[] made = ModelInputs.tensor(Role.parse(t.role()), probe, images, texts.maxLength())
                    .shape();
            if (!t.accepts(made)) {
                problems.add("input '" + t.name() + "': model.json's shape " + t.shape() + " does not fit what its "
                        + (t.role().startsWith("pixel") ? "'image.size'" : "'tokenizer.maxLength'") + " makes, "
                        + HostTensor.format(made));
            }
        }
        problems.addAll(
                engine.checkDeclared(folder.config().inputs(), folder.config().outputs()));
        if (problems.isEmpty()) problems.addAll(probe(probe));
        if (!problems.isEmpty()) {
            throw new BackendException(folder.dir().resolve(OwnModelFolder.CONFIG) + " does not match "
                    + folder.modelFile() + ": " + String.join("; ", problems));
        }
    }

    private List<String> probe(List<Prepared> probe) {
        List<String> problems = new ArrayList<>();
        Map<Role, HostTensor.Floats> out;
        try {
            out = run(probe);
        } catch (EngineException e) {
            List<String> fed = new ArrayList<>();
            for (TensorSpec t : folder.config().inputs()) {
                fed.add(t.name() + " "
                        + HostTensor.format(ModelInputs.tensor(Role.parse(t.role()), probe, images, texts.maxLength())
                                .shape()));
            }
            return List.of("the model rejected inputs shaped as model.json says (" + String.join(", ", fed) + "): "
                    + e.getMessage());
        }
        for (TensorSpec t : folder.config().outputs()) {
            long[] found = out.get(Role.parse(t.role())).shape();
            if (!t.accepts(found)) {
                problems.add("output '" + t.name() + "': model.json expects shape " + t.shape() + ", the model gives "
                        + HostTensor.format(found) + " for a batch of " + PROBE_BATCH + " (-1: any size)");
            }
        }
        if (problems.isEmpty()) problems.addAll(OutputConventions.check(folder, out, PROBE_BATCH));
        return problems;
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            texts.close();
        }
    }
}
