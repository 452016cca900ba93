package org.sdvp.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.sdvp.models.nn.Tensors;

/**
 * The losses of the student and the teachers, written out because DJL has no temperature KL and its
 * built-in losses do not take per-sample masks. Every function returns a scalar mean over the batch.
 */
public final class Losses {
    /** Soft targets are clipped to at least this, then renormalised (adapter targets hold exact zeros). */
    public static final float TARGET_FLOOR = 1e-6f;

    private Losses() {}

    /** Cross entropy of {@code logits (B, K)} against class indices {@code labels (B)} (int or float). */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        NDArray logp = logits.logSoftmax(1);
        NDArray onehot = labels.toType(ai.djl.ndarray.types.DataType.INT64, false)
                .oneHot((int) logits.getShape().get(1));
        return logp.mul(onehot).sum(new int[] {1}).neg().mean();
    }

    /** Cross entropy against full target distributions {@code (B, K)}. */
    public static NDArray softCrossEntropy(NDArray logits, NDArray targets) {
        return logits.logSoftmax(1).mul(targets).sum(new int[] {1}).neg().mean();
    }

    /**
     * {@code τ² · KL(p_t ‖ softmax(z/τ))} with the teacher's probabilities {@code p_t} clipped away from zero
     * and renormalised, as knowledge distillation defines it (the τ² keeps gradients comparable across τ).
     */
    public static NDArray kl(NDArray studentLogits, NDArray teacherProbs, float tau) {
        NDArray t = teacherProbs.clip(TARGET_FLOOR, 1f);
        t = t.div(t.sum(new int[] {1}, true));
        NDArray logq = Tensors.scale(studentLogits, 1f / tau).logSoftmax(1);
        return Tensors.scale(t.mul(t.log().sub(logq)).sum(new int[] {1}).mean(), tau * tau);
    }

    /** Binary cross entropy with logits, element-wise weights, averaged over {@code weights}' sum. */
    public static NDArray bceWithLogits(NDArray logits, NDArray targets, NDArray weights) {
        // max(x,0) - x*t + log(1 + exp(-|x|)): stable for large |x|
        NDArray l = Activation.relu(logits)
                .sub(logits.mul(targets))
                .add(logits.abs().neg().exp().add(1f).log());
        return l.mul(weights).sum().div(weights.sum().maximum(1f));
    }

    /** Plain binary cross entropy with logits, mean over all elements. */
    public static NDArray bceWithLogits(NDArray logits, NDArray targets) {
        return Activation.relu(logits)
                .sub(logits.mul(targets))
                .add(logits.abs().neg().exp().add(1f).log())
                .mean();
    }

    /** L1 distance summed over the last axis where {@code mask} is 1, averaged over the mask's ones. */
    public static NDArray maskedL1(NDArray pred, NDArray target, NDArray mask) {
        return pred.sub(target).abs().mul(mask).sum().div(mask.sum().maximum(1f));
    }
}
