package org.sdvp.backends.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sdvp.backends.config.TensorSpec;
import org.sdvp.core.service.BackendException;

/**
 * A TorchScript file ({@code torch.jit.trace} or {@code torch.jit.script}) on DJL's PyTorch engine. Inputs go
 * in by position in model.json's order; outputs come back by position (a tuple) or, for a module that returns
 * a dict, by key. Each call runs in its own NDManager, closed with it, and without autograd.
 */
public final class TorchScriptEngine implements InferenceEngine {
    private final Model model;

    private TorchScriptEngine(Model model) {
        this.model = model;
    }

    static TorchScriptEngine load(Path file) throws BackendException {
        return load(file, false);
    }

    /** @param trainable load the parameters with gradients (DJL's {@code trainParam}), for training them */
    public static TorchScriptEngine load(Path file, boolean trainable) throws BackendException {
        EngineSettings.offline();
        Model model = Model.newInstance("own-model", Device.cpu(), "PyTorch");
        try {
            model.load(
                    file.getParent(), file.getFileName().toString(), Map.of("trainParam", String.valueOf(trainable)));
            return new TorchScriptEngine(model);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new BackendException("cannot load " + file + " as TorchScript: " + firstLine(e), e);
        }
    }

    /** The loaded module, for training its parameters. */
    public Model model() {
        return model;
    }

    @Override
    public Map<String, HostTensor.Floats> run(
            List<TensorSpec> inputSpecs, List<HostTensor> inputs, List<TensorSpec> outputs) throws EngineException {
        boolean grad = JniUtils.isGradMode();
        try (NDManager m = model.getNDManager().newSubManager()) {
            JniUtils.setGradMode(false);
            NDList in = new NDList(inputs.size());
            for (HostTensor t : inputs) in.add(toNd(m, t));
            NDList out = model.getBlock().forward(new ParameterStore(m, false), in, false);
            return fromNd(out, outputs);
        } catch (RuntimeException e) {
            throw new EngineException(firstLine(e), e);
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    /** A host tensor as an NDArray of {@code m}. */
    public static NDArray toNd(NDManager m, HostTensor t) {
        if (t instanceof HostTensor.Floats f) return m.create(f.data(), new Shape(f.shape()));
        HostTensor.Longs l = (HostTensor.Longs) t;
        return m.create(l.data(), new Shape(l.shape()));
    }

    static Map<String, HostTensor.Floats> fromNd(NDList out, List<TensorSpec> outputs) throws EngineException {
        boolean named =
                out.stream().allMatch(a -> a.getName() != null && !a.getName().isEmpty());
        if (!named && out.size() != outputs.size()) {
            throw new EngineException("the model returns " + out.size() + " output" + (out.size() == 1 ? "" : "s")
                    + ", model.json lists " + outputs.size() + " ("
                    + outputs.stream().map(TensorSpec::name).toList() + ")");
        }
        Map<String, HostTensor.Floats> result = new HashMap<>();
        for (TensorSpec spec : outputs) {
            String name = spec.name();
            NDArray a = output(out, outputs, name);
            NDArray f = a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false);
            result.put(name, new HostTensor.Floats(a.getShape().getShape(), f.toFloatArray()));
        }
        return result;
    }

    /**
     * The output {@code name} of a forward pass: by key when the module returns a dict, else by its position in
     * model.json's {@code outputs}.
     */
    public static NDArray output(NDList out, List<TensorSpec> outputs, String name) throws EngineException {
        boolean named =
                out.stream().allMatch(a -> a.getName() != null && !a.getName().isEmpty());
        int position = outputs.stream().map(TensorSpec::name).toList().indexOf(name);
        NDArray a = named ? out.get(name) : position >= 0 && position < out.size() ? out.get(position) : null;
        if (a == null) {
            throw new EngineException("the model returns no output '" + name + "' (it returns "
                    + out.stream().map(NDArray::getName).toList() + ")");
        }
        return a;
    }

    @Override
    public List<String> checkDeclared(List<TensorSpec> inputs, List<TensorSpec> outputs) {
        return List.of(); // a TorchScript file declares no shapes: OwnModel checks them by running it
    }

    @Override
    public void close() {
        model.close();
    }

    static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().filter(l -> !l.isBlank()).findFirst().orElse(m).strip();
    }
}
