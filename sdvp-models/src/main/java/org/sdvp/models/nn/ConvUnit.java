package org.sdvp.models.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 3×3 (or k×k) convolution followed by {@link GroupNorm}, without the activation: the caller applies
 * FiLM (if any) between the normalisation and the ReLU, which is where FiLM belongs.
 */
public final class ConvUnit extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Conv2d conv;
    private final GroupNorm norm;

    public ConvUnit(int channels, int kernel, int stride, int groups) {
        this(channels, kernel, stride, 1, groups);
    }

    /** A unit whose kernel taps every {@code dilation}-th pixel: more context at the same resolution and cost. */
    public ConvUnit(int channels, int kernel, int stride, int dilation, int groups) {
        super(VERSION);
        this.conv = addChildBlock(
                "conv",
                Conv2d.builder()
                        .setKernelShape(new Shape(kernel, kernel))
                        .optStride(new Shape(stride, stride))
                        .optDilation(new Shape(dilation, dilation))
                        .optPadding(new Shape(dilation * (kernel / 2), dilation * (kernel / 2)))
                        .setFilters(channels)
                        .build());
        this.norm = groups > 0 ? addChildBlock("norm", new GroupNorm(channels, groups)) : null;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = conv.forward(ps, inputs, training);
        return norm == null ? x : norm.forward(ps, x, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
        if (norm != null) norm.initialize(manager, dataType, conv.getOutputShapes(inputShapes));
    }
}
