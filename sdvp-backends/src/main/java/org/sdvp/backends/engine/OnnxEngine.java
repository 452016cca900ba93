package org.sdvp.backends.engine;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sdvp.backends.config.TensorSpec;
import org.sdvp.core.service.BackendException;

/**
 * An ONNX file on ONNX Runtime (CPU, inference only). Inputs and outputs go by name; the file's own declared
 * names, types and shapes are compared with model.json before anything runs ({@link #checkDeclared}).
 */
public final class OnnxEngine implements InferenceEngine {
    private final OrtSession session;

    private OnnxEngine(OrtSession session) {
        this.session = session;
    }

    static OnnxEngine load(Path file) throws BackendException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(InferenceEngine.threads());
            o.setInterOpNumThreads(1);
            return new OnnxEngine(env.createSession(file.toString(), o));
        } catch (OrtException | RuntimeException e) {
            throw new BackendException("cannot load " + file + " as ONNX: " + TorchScriptEngine.firstLine(e), e);
        }
    }

    @Override
    public Map<String, HostTensor.Floats> run(
            List<TensorSpec> inputSpecs, List<HostTensor> inputs, List<TensorSpec> outputs) throws EngineException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        try {
            for (int i = 0; i < inputs.size(); i++) feed.put(inputSpecs.get(i).name(), toOrt(env, inputs.get(i)));
            Set<String> wanted = new LinkedHashSet<>();
            for (TensorSpec t : outputs) wanted.add(t.name());
            try (OrtSession.Result r = session.run(feed, wanted)) {
                Map<String, HostTensor.Floats> out = new HashMap<>();
                for (TensorSpec t : outputs) {
                    Optional<OnnxValue> v = r.get(t.name());
                    if (v.isEmpty() || !(v.get() instanceof OnnxTensor tensor)) {
                        throw new EngineException("the model gives no tensor output '" + t.name() + "'");
                    }
                    out.put(t.name(), fromOrt(tensor));
                }
                return out;
            }
        } catch (OrtException | RuntimeException e) {
            throw new EngineException(TorchScriptEngine.firstLine(e), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private static OnnxTensor toOrt(OrtEnvironment env, HostTensor t) throws OrtException {
        if (t instanceof HostTensor.Floats f)
            return OnnxTensor.createTensor(env, FloatBuffer.wrap(f.data()), f.shape());
        HostTensor.Longs l = (HostTensor.Longs) t;
        return OnnxTensor.createTensor(env, LongBuffer.wrap(l.data()), l.shape());
    }

    private static HostTensor.Floats fromOrt(OnnxTensor t) throws EngineException {
        long[] shape = t.getInfo().getShape();
        int n = (int) t.getInfo().getNumElements();
        float[] data = new float[n];
        switch (t.getInfo().type) {
            case FLOAT -> t.getFloatBuffer().get(data);
            case DOUBLE -> {
                var b = t.getDoubleBuffer();
                for (int i = 0; i < n; i++) data[i] = (float) b.get(i);
            }
            case INT64 -> {
                var b = t.getLongBuffer();
                for (int i = 0; i < n; i++) data[i] = b.get(i);
            }
            default ->
                throw new EngineException(
                        "output of type " + t.getInfo().type + " is not supported (float, double, int64)");
        }
        return new HostTensor.Floats(shape, data);
    }

    @Override
    public List<String> checkDeclared(List<TensorSpec> inputs, List<TensorSpec> outputs) {
        List<String> problems = new ArrayList<>();
        try {
            compare("input", inputs, session.getInputInfo(), problems);
            compare("output", outputs, session.getOutputInfo(), problems);
            for (String name : session.getInputNames()) {
                if (inputs.stream().noneMatch(t -> t.name().equals(name))) {
                    problems.add("the model takes an input '" + name + "' that model.json does not list");
                }
            }
        } catch (OrtException e) {
            problems.add("cannot read the model's declared tensors: " + e.getMessage());
        }
        return problems;
    }

    private static void compare(
            String what, List<TensorSpec> specs, Map<String, NodeInfo> declared, List<String> problems) {
        for (TensorSpec t : specs) {
            NodeInfo node = declared.get(t.name());
            if (node == null) {
                problems.add(what + " '" + t.name() + "': the model has no such " + what + " (it has "
                        + declared.keySet() + ")");
                continue;
            }
            if (!(node.getInfo() instanceof TensorInfo info)) {
                problems.add(what + " '" + t.name() + "' is not a tensor in the model");
                continue;
            }
            long[] found = info.getShape();
            if (!t.accepts(found)) {
                problems.add(what + " '" + t.name() + "': model.json expects shape " + t.shape()
                        + ", the model declares " + HostTensor.format(found) + " (-1: any size)");
            }
            OnnxJavaType want = t.isInt64() ? OnnxJavaType.INT64 : OnnxJavaType.FLOAT;
            if ("input".equals(what) && info.type != want) {
                problems.add(what + " '" + t.name() + "': model.json says " + t.type() + ", the model declares "
                        + info.type);
            }
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing a session only frees native memory; nothing to report to a finished run
        }
    }
}
