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

    public static NDArray of(NDManager m, float[] data) { return of(m, data, new Shape(data.length)); }
}
