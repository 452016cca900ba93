package org.sdvp.models.teacher;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.sdvp.models.nn.ConvUnit;
import org.sdvp.models.nn.GridBoxes;

/**
 * A teacher's network: a small conv encoder shared by an attribute classifier (pooled crop features →
 * {@link AttributeSpace#WIDTH} logits) and a class-aware detector (per grid cell: objectness, box, and the
 * same attribute logits). No text input: a teacher knows its closed label set and nothing else, which is
 * what makes it narrow.
 */
public final class TeacherBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Detector channels: the grid box code, then the attribute logits. */
    public static final int DET_CHANNELS = GridBoxes.CHANNELS + AttributeSpace.WIDTH;

    private final TeacherConfig config;
    private final List<ConvUnit> units = new ArrayList<>();
    private final Linear attrHidden;
    private final Linear attrOut;
    private final ConvUnit detUnit;
    private final Conv2d detOut;

    public TeacherBlock(TeacherConfig config) {
        super(VERSION);
        this.config = config;
        for (int i = 0; i < config.channels().size(); i++) {
            units.add(addChildBlock(
                    "conv" + i,
                    new ConvUnit(config.channels().get(i), 3, config.strides().get(i), config.groups())));
        }
        attrHidden = addChildBlock(
                "attrHidden", Linear.builder().setUnits(config.hidden()).build());
        attrOut = addChildBlock(
                "attrOut", Linear.builder().setUnits(AttributeSpace.WIDTH).build());
        detUnit = addChildBlock("detUnit", new ConvUnit(config.featureChannels(), 3, 1, config.groups()));
        detOut = addChildBlock(
                "detOut",
                Conv2d.builder()
                        .setKernelShape(new Shape(1, 1))
                        .setFilters(DET_CHANNELS)
                        .build());
    }

    public TeacherConfig config() {
        return config;
    }

    private NDArray encode(ParameterStore ps, NDArray x, boolean training) {
        for (ConvUnit u : units)
            x = Activation.relu(u.forward(ps, new NDList(x), training).singletonOrThrow());
        return x;
    }

    /** Attribute logits {@code (B, 16)} for crops {@code (B, 3, s, s)}. */
    public NDArray attributes(ParameterStore ps, NDArray crops, boolean training) {
        NDArray f = encode(ps, crops, training);
        NDArray flat = f.reshape(f.getShape().get(0), f.getShape().get(1), -1);
        NDArray pooled = NDArrays.concat(new NDList(flat.mean(new int[] {2}), flat.max(new int[] {2})), 1);
        NDArray h = Activation.relu(
                attrHidden.forward(ps, new NDList(pooled), training).singletonOrThrow());
        return attrOut.forward(ps, new NDList(h), training).singletonOrThrow();
    }

    /** Detector map {@code (B, 21, g, g)}, raw. */
    public NDArray detect(ParameterStore ps, NDArray images, boolean training) {
        NDArray f = encode(ps, images, training);
        NDArray h = Activation.relu(detUnit.forward(ps, new NDList(f), training).singletonOrThrow());
        return detOut.forward(ps, new NDList(h), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(attributes(ps, in.get(0), training), detect(ps, in.get(1), training));
    }

    public Shape[] inputShapes() {
        return new Shape[] {
            new Shape(1, 3, config.cropSize(), config.cropSize()), new Shape(1, 3, config.detSize(), config.detSize())
        };
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        int s = config.stride();
        return new Shape[] {
            new Shape(in[0].get(0), AttributeSpace.WIDTH),
            new Shape(in[1].get(0), DET_CHANNELS, in[1].get(2) / s, in[1].get(3) / s)
        };
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        Shape s = in[0];
        for (ConvUnit u : units) {
            u.initialize(manager, dataType, s);
            s = u.getOutputShapes(new Shape[] {s})[0];
        }
        int c = config.featureChannels();
        attrHidden.initialize(manager, dataType, new Shape(1, 2L * c));
        attrOut.initialize(manager, dataType, new Shape(1, config.hidden()));
        Shape grid = new Shape(1, c, config.grid(), config.grid());
        detUnit.initialize(manager, dataType, grid);
        detOut.initialize(manager, dataType, grid);
    }
}
