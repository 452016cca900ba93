package org.sdvp.distill.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Weight-space ensembling of a fine-tuned network with the network it started from (WiSE-FT, Wortsman et al.,
 * "Robust fine-tuning of zero-shot models", CVPR 2022): θ = mix · θ_distilled + (1 − mix) · θ_prev. Fine-tuning
 * from one start keeps both ends in one basin, so the straight line between them stays a good network: close to
 * {@code mix = 1} it keeps most of the target gain, and it gives back much of what fine-tuning cost elsewhere
 * (measured for SDVP on val splits, docs/results.md).
 *
 * <p>Take the snapshot before training and apply it after; parameters are matched by name, so a parameter the
 * snapshot lacks (none, for one network) is an error rather than silently left alone.
 */
public final class WeightSpaceEnsemble {
    private final Map<String, float[]> start = new LinkedHashMap<>();

    private WeightSpaceEnsemble() {}

    /** A copy of every parameter of {@code block} as it is now (θ_prev). */
    public static WeightSpaceEnsemble snapshot(Block block) {
        WeightSpaceEnsemble s = new WeightSpaceEnsemble();
        for (Pair<String, Parameter> p : block.getParameters()) {
            s.start.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return s;
    }

    /**
     * Moves every parameter of {@code block} to {@code mix · now + (1 − mix) · snapshot}, in place.
     *
     * @param mix the share of the current (distilled) weights, in [0, 1]; 1 leaves the block unchanged
     */
    public void mixInto(Block block, float mix) {
        if (!(mix >= 0f && mix <= 1f)) throw new IllegalArgumentException("mix must be in [0, 1]: " + mix);
        if (mix == 1f) return;
        // a trained parameter is a leaf that requires grad, and PyTorch refuses an in-place change of one while
        // the thread's grad mode is on; that mode is per thread and on in every thread but the one where DJL's
        // engine turned it off (an experiment's stage threads train and mix with it on)
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager scratch = NDManager.newBaseManager()) {
            for (Pair<String, Parameter> p : block.getParameters()) {
                float[] before = start.get(p.getKey());
                NDArray now = p.getValue().getArray();
                if (before == null || before.length != now.size()) {
                    throw new IllegalStateException("parameter " + p.getKey() + " is not in the snapshot's network");
                }
                NDArray previous = scratch.create(before, now.getShape()).toDevice(now.getDevice(), false);
                previous.muli(1f - mix);
                now.muli(mix);
                now.addi(previous);
            }
        } finally {
            JniUtils.setGradMode(grad);
        }
    }
}
