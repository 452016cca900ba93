package org.sdvp.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Open-vocabulary matching the way OWL-ViT and GLIP ground phrases: every grid cell has an embedding of what
 * is there, the phrase has one of what it describes, and the match logit of a cell is a learned affine map
 * of their cosine similarity, {@code scale · cos + bias}. Because the phrase is compared with what each
 * location <i>is</i> instead of steering the whole feature map, attributes compose ("small red cube" is near
 * cells whose embedding is near all three words) and the image side can be computed once for any phrase.
 *
 * <p>Input {@code (cells (B, D, N), phrase (B, D))}, output logits {@code (B, N)}. The scale starts at
 * {@link #INITIAL_SCALE} and the bias at {@link #INITIAL_BIAS} (a cosine of 0 is a clear "no"), as the
 * prototype in shared/notes/grounding-prototype.md found to train.
 */
public final class PhraseMatcher extends AbstractBlock {
    private static final byte VERSION = 1;
    static final float INITIAL_SCALE = 5f;
    static final float INITIAL_BIAS = -2f;
    private static final float EPS = 1e-6f;

    // stored as a GAMMA (initialised to 1) and a BETA (initialised to 0): DJL's defaults for those types, so
    // the initial values need no custom initializer that a later initialize() could override
    private final Parameter scale;
    private final Parameter bias;

    public PhraseMatcher() {
        super(VERSION);
        scale = addParameter(Parameter.builder()
                .setName("scale")
                .setType(Parameter.Type.GAMMA)
                .optShape(new Shape(1))
                .build());
        bias = addParameter(Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BETA)
                .optShape(new Shape(1))
                .build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        NDArray cells = unit(in.get(0), 1);
        NDArray phrase = unit(in.get(1), 1);
        long b = phrase.getShape().get(0), d = phrase.getShape().get(1);
        NDArray cos = cells.mul(phrase.reshape(b, d, 1)).sum(new int[] {1});
        // an owned scalar: the backward pass of this product reads it (Tensors.scale)
        NDArray s = Tensors.scale(ps.getValue(scale, cos.getDevice(), training), INITIAL_SCALE);
        NDArray c = ps.getValue(bias, cos.getDevice(), training).add(INITIAL_BIAS);
        return new NDList(cos.mul(s).add(c));
    }

    /** {@code x / ‖x‖} along {@code axis}. */
    static NDArray unit(NDArray x, int axis) {
        return x.div(x.square().sum(new int[] {axis}, true).add(EPS).sqrt());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return new Shape[] {new Shape(in[0].get(0), in[0].get(2))};
    }
}
