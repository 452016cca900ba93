package org.sdvp.backends.config;

import java.util.List;

/**
 * One input or output tensor of an exported model, as model.json names it.
 *
 * @param name  the tensor's name in the exported graph (ONNX) or its position's name (TorchScript, positional)
 * @param role  what sdvp puts in (inputs) or reads out (outputs): see {@link Role}
 * @param shape the dimensions, -1 where any size is allowed (the batch, a dynamic axis)
 * @param type  {@code float32} or {@code int64}
 */
public record TensorSpec(String name, String role, List<Long> shape, String type) {

    /** Whether {@code found} fits this spec: same rank, equal wherever the spec names a size. */
    public boolean accepts(long[] found) {
        if (found.length != shape.size()) return false;
        for (int i = 0; i < found.length; i++) {
            long want = shape.get(i);
            if (want >= 0 && found[i] >= 0 && want != found[i]) return false;
        }
        return true;
    }

    /** The shape with every -1 replaced by {@code any}. */
    public long[] concrete(long any) {
        return shape.stream().mapToLong(d -> d < 0 ? any : d).toArray();
    }

    public boolean isInt64() {
        return "int64".equals(type);
    }
}
