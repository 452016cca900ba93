package org.sdvp.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Java arrays to tensors that own their memory. On the CPU, DJL's {@code NDManager.create(float[])} wraps
 * a direct buffer with {@code from_blob}, which autograd then saves for the backward pass; training
 * measured here produced non-finite gradients at random steps (finite losses, NaN gradients exactly on the
 * paths that had saved such a tensor) until every input was copied into PyTorch-owned memory. The copy
 * costs microseconds per batch.
 */
public final class Tensors {
    private Tensors() {}

    public static NDArray of(NDManager m, float[] data, Shape shape) {
        try (NDArray blob = m.create(data, shape)) {
            return blob.duplicate();
        }
    }

    public static NDArray of(NDManager m, float[] data) {
        return of(m, data, new Shape(data.length));
    }

    /**
     * {@code x · s} for a tensor in an autograd graph. Never {@code x.mul(float)} there: DJL makes the scalar
     * with {@code from_blob} over a direct buffer and closes it right after the op, while autograd keeps it
     * for the backward pass; once the garbage collector frees the buffer, the backward pass reads freed
     * memory. Measured: distillation runs died with NaN gradients on the whole VQA path at random steps
     * (2 to 62) until every such scalar was a PyTorch-owned tensor.
     */
    public static NDArray scale(NDArray x, float s) {
        return x.mul(of(x.getManager(), new float[] {s}, new Shape()));
    }
}
