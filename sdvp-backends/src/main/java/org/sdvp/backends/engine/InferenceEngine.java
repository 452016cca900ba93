package org.sdvp.backends.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sdvp.backends.config.TensorSpec;
import org.sdvp.core.service.BackendException;

/**
 * Runs an exported model: named inputs in, named float outputs out. The two engines sdvp supports are a closed
 * set; everything model-specific (roles, preprocessing, decoding) lives above this interface.
 */
public sealed interface InferenceEngine extends AutoCloseable permits TorchScriptEngine, OnnxEngine {

    /**
     * @param inputs  the model.json inputs with their tensors, in model.json order (TorchScript takes them by position)
     * @param outputs the model.json outputs to return (TorchScript returns them by position, or by key for a dict)
     * @return every output of {@code outputs}, by name; a missing one is an {@link EngineException}
     */
    Map<String, HostTensor.Floats> run(List<TensorSpec> inputSpecs, List<HostTensor> inputs, List<TensorSpec> outputs)
            throws EngineException;

    /**
     * Compares model.json with what the exported file itself declares (ONNX keeps names, types and shapes of its
     * inputs and outputs; TorchScript keeps none, so its tensors are checked by running it).
     *
     * @return one message per mismatch, naming the tensor, the expected and the found shape or type
     */
    List<String> checkDeclared(List<TensorSpec> inputs, List<TensorSpec> outputs);

    @Override
    void close();

    /** Opens {@code file} with the engine model.json names. */
    static InferenceEngine open(String engine, Path file) throws BackendException {
        return open(engine, file, false);
    }

    /** As {@link #open(String, Path)}; {@code trainable}: TorchScript only, parameters loaded with gradients. */
    static InferenceEngine open(String engine, Path file, boolean trainable) throws BackendException {
        if (trainable && !engine.equals("torchscript")) {
            throw new BackendException("only a TorchScript model can be trained here (" + file + " is " + engine + ")");
        }
        return switch (engine) {
            case "torchscript" -> TorchScriptEngine.load(file, trainable);
            case "onnx" -> OnnxEngine.load(file);
            default -> throw new BackendException("unknown engine '" + engine + "'; known: torchscript, onnx");
        };
    }

    /** The threads an engine may use for one call: {@code ai.djl.pytorch.num_threads} (the launcher's SDVP_THREADS), else 1. */
    static int threads() {
        return Integer.getInteger("sdvp.onnx.threads", Integer.getInteger("ai.djl.pytorch.num_threads", 1));
    }
}
