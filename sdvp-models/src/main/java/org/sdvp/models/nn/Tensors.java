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
        return x.mul(scalar(x.getManager(), s));
    }

    /**
     * {@code max(x, floor)} for a tensor in an autograd graph: never {@code x.maximum(float)} there, for the
     * reason of {@link #scale} (the backward pass of a maximum reads both operands).
     */
    public static NDArray atLeast(NDArray x, float floor) {
        return x.maximum(scalar(x.getManager(), floor));
    }

    /**
     * A PyTorch-owned 0-d tensor: the only safe scalar operand of an op autograd records. Measured: the pretraining's
     * {@code PhraseMatcher} used {@code scale.mul(5f)}, and a garbage collection between a step's forward and
     * backward pass changed that step's grounding gradients, which made a resumed run end with other weights
     * than an uninterrupted one at random kill points ({@code GradientsAfterGarbageCollectionTest}).
     */
    public static NDArray scalar(NDManager m, float value) {
        return of(m, new float[] {value}, new Shape());
    }
}
