package org.sdvp.models.vlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
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
 * The student VLM's network: a conv image encoder (optional GroupNorm, never BatchNorm), a bag-of-n-grams text encoder,
 * FiLM fusion (the text scales and shifts the last conv units' channels) and three heads:
 * <ul>
 *   <li>VQA: pooled features + text vector → logits over the answer vocabulary;</li>
 *   <li>MATCH: pooled features + text vector → one logit (does the text describe the image?);</li>
 *   <li>LOC: a dense map over the feature grid with {@link GridBoxes#CHANNELS} channels per cell.</li>
 * </ul>
 *
 * <p>The heads run on different inputs (resized crops for VQA/MATCH, full images for LOC), so training and
 * inference call {@link #vqa}, {@link #match} and {@link #loc} directly; {@link #forward} (used by DJL to
 * initialise the block) takes {@code (crop, cropText, image, imageText)} and returns all three outputs.
 *
 * <p>Not thread-safe while training; inference may share it once its parameters are fixed.
 */
public final class VlmBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final VlmConfig config;
    private final int answers;
    private final List<ConvUnit> units = new ArrayList<>();
    private final Linear textIn;
    private final Linear textOut;
    private final Linear film;
    private final Linear vqaHidden;
    private final Linear vqaOut;
    private final Linear matchHidden;
    private final Linear matchOut;
    private final ConvUnit locUnit;
    private final Conv2d locOut;

    public VlmBlock(VlmConfig config, int answers) {
        super(VERSION);
        this.config = config;
        this.answers = answers;
        for (int i = 0; i < config.channels().size(); i++) {
            units.add(addChildBlock("conv" + i, new ConvUnit(config.channels().get(i), 3, config.strides().get(i),
                    config.groups())));
        }
        int c = config.featureChannels();
        textIn = addChildBlock("textIn", Linear.builder().setUnits(config.textDim()).optBias(false).build());
        textOut = addChildBlock("textOut", Linear.builder().setUnits(config.textDim()).build());
        film = addChildBlock("film", Linear.builder().setUnits(2L * c * config.filmUnits()).build());
        vqaHidden = addChildBlock("vqaHidden", Linear.builder().setUnits(config.hidden()).build());
        vqaOut = addChildBlock("vqaOut", Linear.builder().setUnits(answers).build());
        matchHidden = addChildBlock("matchHidden", Linear.builder().setUnits(config.hidden()).build());
        matchOut = addChildBlock("matchOut", Linear.builder().setUnits(1).build());
        locUnit = addChildBlock("locUnit", new ConvUnit(c, 3, 1, config.groups()));
        locOut = addChildBlock("locOut", Conv2d.builder().setKernelShape(new Shape(1, 1))
                .setFilters(GridBoxes.CHANNELS).build());
    }

    public VlmConfig config() { return config; }

    /** Keeps the first {@code n} conv units' weights fixed during training (distillation freezes early units). */
    public void freezeEncoderUnits(int n) {
        for (int i = 0; i < units.size(); i++) units.get(i).freezeParameters(i < n);
    }

    /** {@code (B, V)} bag-of-n-grams → {@code (B, textDim)}. */
    public NDArray text(ParameterStore ps, NDArray bag, boolean training) {
        NDArray e = textIn.forward(ps, new NDList(bag), training).singletonOrThrow();
        return Activation.relu(textOut.forward(ps, new NDList(Activation.relu(e)), training).singletonOrThrow());
    }

    /** Encoder output {@code (B, C, h, w)} for images {@code (B, 3, H, W)} modulated by text vectors. */
    public NDArray features(ParameterStore ps, NDArray images, NDArray textVec, boolean training) {
        NDArray gb = film.forward(ps, new NDList(textVec), training).singletonOrThrow();
        int c = config.featureChannels();
        int first = units.size() - config.filmUnits();
        NDArray x = images;
        for (int i = 0; i < units.size(); i++) {
            x = units.get(i).forward(ps, new NDList(x), training).singletonOrThrow();
            if (i >= first) {
                int k = i - first;
                long b = x.getShape().get(0);
                NDArray gamma = gb.get(new NDIndex(":, {}:{}", 2 * k * c, (2 * k + 1) * c)).reshape(b, c, 1, 1);
                NDArray beta = gb.get(new NDIndex(":, {}:{}", (2 * k + 1) * c, (2 * k + 2) * c)).reshape(b, c, 1, 1);
                x = x.mul(filmScale(gamma)).add(beta);
            }
            x = Activation.relu(x);
        }
        return x;
    }

    /**
     * The per-channel FiLM scale. Both forms start near the identity for a fresh FiLM layer (γ ≈ 0). The
     * bounded form keeps it in (0, 2): the encoder has no normalisation, so an unbounded scale on two
     * stacked units let the text multiply activations by an arbitrary factor, which is what made the
     * default pretraining diverge; the bound keeps the text's role (gating channels up or down) intact.
     */
    private NDArray filmScale(NDArray gamma) {
        return config.boundedFilm() ? gamma.tanh().add(1f) : gamma.add(1f);
    }

    /** VQA logits {@code (B, answers)}. */
    public NDArray vqa(ParameterStore ps, NDArray crops, NDArray bag, boolean training) {
        NDArray t = text(ps, bag, training);
        NDArray h = pooledWithText(features(ps, crops, t, training), t);
        h = Activation.relu(vqaHidden.forward(ps, new NDList(h), training).singletonOrThrow());
        return vqaOut.forward(ps, new NDList(h), training).singletonOrThrow();
    }

    /** MATCH logits {@code (B)}. */
    public NDArray match(ParameterStore ps, NDArray crops, NDArray bag, boolean training) {
        NDArray t = text(ps, bag, training);
        NDArray h = pooledWithText(features(ps, crops, t, training), t);
        h = Activation.relu(matchHidden.forward(ps, new NDList(h), training).singletonOrThrow());
        return matchOut.forward(ps, new NDList(h), training).singletonOrThrow().reshape(-1);
    }

    /** Grounding map {@code (B, 5, gridH, gridW)}, raw (no sigmoid). */
    public NDArray loc(ParameterStore ps, NDArray images, NDArray bag, boolean training) {
        NDArray t = text(ps, bag, training);
        NDArray f = features(ps, images, t, training);
        NDArray h = Activation.relu(locUnit.forward(ps, new NDList(f), training).singletonOrThrow());
        return locOut.forward(ps, new NDList(h), training).singletonOrThrow();
    }

    private static NDArray pooledWithText(NDArray f, NDArray t) {
        // PyTorch's max reduces one axis at a time: flatten the grid first
        NDArray flat = f.reshape(f.getShape().get(0), f.getShape().get(1), -1);
        return NDArrays.concat(new NDList(flat.mean(new int[] {2}), flat.max(new int[] {2}), t), 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(vqa(ps, in.get(0), in.get(1), training), match(ps, in.get(0), in.get(1), training),
                loc(ps, in.get(2), in.get(3), training));
    }

    /** The four input shapes {@link #forward} expects, for a batch of one. */
    public Shape[] inputShapes(int textWidth) {
        return new Shape[] {new Shape(1, 3, config.cropSize(), config.cropSize()), new Shape(1, textWidth),
                new Shape(1, 3, config.locHeight(), config.locWidth()), new Shape(1, textWidth)};
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        long b = in[0].get(0);
        long bl = in[2].get(0);
        int s = config.stride();
        return new Shape[] {new Shape(b, answers),
                new Shape(b), new Shape(bl, GridBoxes.CHANNELS, in[2].get(2) / s, in[2].get(3) / s)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        textIn.initialize(manager, dataType, in[1]);
        Shape t = new Shape(1, config.textDim());
        textOut.initialize(manager, dataType, t);
        film.initialize(manager, dataType, t);
        Shape s = in[0];
        for (ConvUnit u : units) {
            u.initialize(manager, dataType, s);
            s = u.getOutputShapes(new Shape[] {s})[0];
        }
        int c = config.featureChannels();
        Shape pooled = new Shape(1, 2L * c + config.textDim());
        vqaHidden.initialize(manager, dataType, pooled);
        matchHidden.initialize(manager, dataType, pooled);
        Shape hidden = new Shape(1, config.hidden());
        vqaOut.initialize(manager, dataType, hidden);
        matchOut.initialize(manager, dataType, hidden);
        Shape grid = new Shape(1, c, config.gridHeight(), config.gridWidth());
        locUnit.initialize(manager, dataType, grid);
        locOut.initialize(manager, dataType, grid);
    }
}
