package org.sdvp.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Group normalisation over {@code (B, C, H, W)} maps: statistics per sample and per group of channels,
 * so they depend on nothing but the sample itself (unlike BatchNorm) and on no spatial size (unlike a
 * LayerNorm over {@code C,H,W}), which lets one encoder serve 64×64 crops and full images alike.
 */
public final class GroupNorm extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final float EPS = 1e-5f;

    private final int channels;
    private final int groups;
    private final Parameter gamma;
    private final Parameter beta;

    public GroupNorm(int channels, int groups) {
        super(VERSION);
        if (channels % groups != 0) {
            throw new IllegalArgumentException(channels + " channels do not split into " + groups + " groups");
        }
        this.channels = channels;
        this.groups = groups;
        this.gamma = addParameter(Parameter.builder()
                .setName("gamma")
                .setType(Parameter.Type.GAMMA)
                .optShape(new Shape(channels))
                .build());
        this.beta = addParameter(Parameter.builder()
                .setName("beta")
                .setType(Parameter.Type.BETA)
                .optShape(new Shape(channels))
                .build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        NDArray g = x.reshape(s.get(0), groups, -1);
        NDArray mean = g.mean(new int[] {2}, true);
        NDArray centred = g.sub(mean);
        NDArray var = centred.square().mean(new int[] {2}, true);
        NDArray norm = centred.div(var.add(EPS).sqrt()).reshape(s);
        NDArray w = ps.getValue(gamma, x.getDevice(), training).reshape(1, channels, 1, 1);
        NDArray b = ps.getValue(beta, x.getDevice(), training).reshape(1, channels, 1, 1);
        return new NDList(norm.mul(w).add(b));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
