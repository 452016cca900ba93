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
import org.sdvp.models.nn.PhraseMatcher;
import org.sdvp.models.nn.Tensors;

/**
 * The student VLM's network (student v2, {@link VlmConfig}): a conv trunk shared by two branches on one grid,
 * a bag-of-n-grams text encoder, and three heads.
 * <ul>
 *   <li>Grounding (LOC), the way open-vocabulary detectors ground phrases: per cell an objectness logit, a
 *       class-agnostic box and an object embedding from the (text-free) grounding branch; the phrase's
 *       embedding scores each cell ({@link PhraseMatcher}); a cell's score is σ(objectness) · σ(match).</li>
 *   <li>VQA and MATCH: the answering branch (conv units modulated by the text, FiLM), mean- and max-pooled,
 *       with the text vector and — with {@code groundedPooling} — the features pooled under the question's
 *       grounding scores and their sum (a soft count), → MLP → answer logits / one logit.</li>
 * </ul>
 *
 * <p>The heads run on different inputs (crops or whole images for VQA/MATCH, whole images for LOC), so
 * training and inference call {@link #vqa}, {@link #match} and {@link #loc} directly; {@link #forward} (used
 * by DJL to initialise the block) takes {@code (crop, cropText, image, imageText)} and returns all three.
 *
 * <p>Not thread-safe while training; inference may share it once its parameters are fixed.
 */
public final class VlmBlock extends AbstractBlock {
    private static final byte VERSION = 2;
    /** Clamp for {@code 1 - p} in {@link #combinedLogit}: keeps the logit finite (≤ about 16). */
    private static final float ONE_MINUS_FLOOR = 1e-7f;

    private final VlmConfig config;
    private final int answers;
    private final List<ConvUnit> units = new ArrayList<>();
    private final List<ConvUnit> locUnits = new ArrayList<>();
    private final Linear textIn;
    private final Linear textOut;
    private final Linear film;
    private final Conv2d locOut;
    private final Linear phraseOut;
    private final PhraseMatcher matcher;
    private final Linear vqaHidden;
    private final Linear vqaOut;
    private final Linear matchHidden;
    private final Linear matchOut;

    /** The grounding branch's raw outputs over {@code N = h·w} cells: logits and the box code. */
    public record Grounding(NDArray objectness, NDArray match, NDArray box) {
        /** Per-cell score σ(objectness) · σ(match), {@code (B, N)}. */
        public NDArray score() {
            return Activation.sigmoid(objectness).mul(Activation.sigmoid(match));
        }
    }

    public VlmBlock(VlmConfig config, int answers) {
        super(VERSION);
        this.config = config;
        this.answers = answers;
        for (int i = 0; i < config.channels().size(); i++) {
            units.add(addChildBlock(
                    "conv" + i,
                    new ConvUnit(config.channels().get(i), 3, config.strides().get(i), config.groups())));
        }
        for (int i = 0; i < config.locDilations().size(); i++) {
            locUnits.add(addChildBlock(
                    "loc" + i,
                    new ConvUnit(
                            config.trunkChannels(), 3, 1, config.locDilations().get(i), config.groups())));
        }
        int c = config.featureChannels();
        textIn = addChildBlock(
                "textIn",
                Linear.builder().setUnits(config.textDim()).optBias(false).build());
        textOut = addChildBlock(
                "textOut", Linear.builder().setUnits(config.textDim()).build());
        film = addChildBlock(
                "film", Linear.builder().setUnits(2L * c * config.filmUnits()).build());
        locOut = addChildBlock(
                "locOut",
                Conv2d.builder()
                        .setKernelShape(new Shape(1, 1))
                        .setFilters(GridBoxes.CHANNELS + config.embedDim())
                        .build());
        phraseOut = addChildBlock(
                "phraseOut", Linear.builder().setUnits(config.embedDim()).build());
        matcher = addChildBlock("matcher", new PhraseMatcher());
        vqaHidden = addChildBlock(
                "vqaHidden", Linear.builder().setUnits(config.hidden()).build());
        vqaOut = addChildBlock("vqaOut", Linear.builder().setUnits(answers).build());
        matchHidden = addChildBlock(
                "matchHidden", Linear.builder().setUnits(config.hidden()).build());
        matchOut = addChildBlock("matchOut", Linear.builder().setUnits(1).build());
    }

    public VlmConfig config() {
        return config;
    }

    /** Keeps the first {@code n} conv units' weights fixed during training (distillation freezes early units). */
    public void freezeEncoderUnits(int n) {
        for (int i = 0; i < units.size(); i++) units.get(i).freezeParameters(i < n);
    }

    /** {@code (B, V)} bag-of-n-grams → {@code (B, textDim)}. */
    public NDArray text(ParameterStore ps, NDArray bag, boolean training) {
        NDArray e = textIn.forward(ps, new NDList(bag), training).singletonOrThrow();
        return Activation.relu(
                textOut.forward(ps, new NDList(Activation.relu(e)), training).singletonOrThrow());
    }

    /** The shared trunk's output {@code (B, Ct, h, w)} for images {@code (B, 3, H, W)}. */
    public NDArray trunk(ParameterStore ps, NDArray images, boolean training) {
        NDArray x = images;
        for (int i = 0; i < config.trunkUnits(); i++) {
            x = Activation.relu(
                    units.get(i).forward(ps, new NDList(x), training).singletonOrThrow());
        }
        return x;
    }

    /**
     * The answering branch {@code (B, C, h, w)}: the FiLM units over the trunk, modulated by text vectors
     * whose images are {@code distinct} trunk outputs picked by {@code index} (null: one per row). The first unit's convolution sees no text yet (FiLM modulates its output),
     * so it runs once per distinct image and is indexed afterwards: CLASSIFY asks about every crop with every
     * category, and this halves its convolutions. The units normalise per sample, so the result is the same.
     */
    private NDArray answering(ParameterStore ps, NDArray distinct, NDArray index, NDArray textVec, boolean training) {
        NDArray gb = film.forward(ps, new NDList(textVec), training).singletonOrThrow();
        int c = config.featureChannels();
        long b = textVec.getShape().get(0);
        NDArray x = distinct;
        for (int k = 0; k < config.filmUnits(); k++) {
            x = units.get(config.trunkUnits() + k)
                    .forward(ps, new NDList(x), training)
                    .singletonOrThrow();
            if (k == 0 && index != null) x = x.get(new NDIndex("{}", index));
            NDArray gamma =
                    gb.get(new NDIndex(":, {}:{}", 2 * k * c, (2 * k + 1) * c)).reshape(b, c, 1, 1);
            NDArray beta = gb.get(new NDIndex(":, {}:{}", (2 * k + 1) * c, (2 * k + 2) * c))
                    .reshape(b, c, 1, 1);
            x = Activation.relu(x.mul(filmScale(gamma)).add(beta));
        }
        return x;
    }

    /**
     * The per-channel FiLM scale. Both forms start near the identity for a fresh FiLM layer (γ ≈ 0); the
     * bounded form keeps it in (0, 2), so the text gates channels up or down but cannot multiply activations
     * without limit (the encoder has no normalisation).
     */
    private NDArray filmScale(NDArray gamma) {
        return config.boundedFilm() ? gamma.tanh().add(1f) : gamma.add(1f);
    }

    /** The grounding branch over a trunk output, scored against text vectors. */
    public Grounding groundTrunk(ParameterStore ps, NDArray trunk, NDArray textVec, boolean training) {
        return scoreCells(ps, groundingCells(ps, trunk, training), textVec, training);
    }

    /** The text-free part of the grounding branch: per cell objectness, box code and embedding {@code (B, 5+E, h·w)}. */
    private NDArray groundingCells(ParameterStore ps, NDArray trunk, boolean training) {
        NDArray x = trunk;
        for (ConvUnit u : locUnits)
            x = Activation.relu(u.forward(ps, new NDList(x), training).singletonOrThrow());
        NDArray out = locOut.forward(ps, new NDList(x), training).singletonOrThrow();
        return out.reshape(out.getShape().get(0), GridBoxes.CHANNELS + config.embedDim(), -1);
    }

    /** Cells scored against the phrases' text vectors (one per row). */
    private Grounding scoreCells(ParameterStore ps, NDArray cells, NDArray textVec, boolean training) {
        NDArray phrase = phraseOut.forward(ps, new NDList(textVec), training).singletonOrThrow();
        NDArray embed = cells.get(new NDIndex(":, {}:, :", GridBoxes.CHANNELS));
        NDArray match = matcher.forward(ps, new NDList(embed, phrase), training).singletonOrThrow();
        return new Grounding(cells.get(new NDIndex(":, 0, :")), match, cells.get(new NDIndex(":, 1:5, :")));
    }

    /** Grounding of {@code bag}'s phrases on whole images. */
    public Grounding grounding(ParameterStore ps, NDArray images, NDArray bag, boolean training) {
        return groundTrunk(ps, trunk(ps, images, training), text(ps, bag, training), training);
    }

    /**
     * Grounding map {@code (B, 5, gridH, gridW)}, raw: channel 0 is the logit of σ(objectness) · σ(match), so
     * that a sigmoid gives the cell's score, channels 1–4 the box code ({@link GridBoxes}). Distillation
     * targets and replay maps use this form.
     */
    public NDArray loc(ParameterStore ps, NDArray images, NDArray bag, boolean training) {
        Grounding g = grounding(ps, images, bag, training);
        long b = images.getShape().get(0);
        long h = images.getShape().get(2) / config.stride(),
                w = images.getShape().get(3) / config.stride();
        NDArray score = combinedLogit(g.objectness(), g.match()).reshape(b, 1, -1);
        return NDArrays.concat(new NDList(score, g.box()), 1).reshape(b, GridBoxes.CHANNELS, h, w);
    }

    /** {@code logit(σ(a) · σ(b))}, computed in log space: {@code log p − log(1 − p)}. */
    static NDArray combinedLogit(NDArray a, NDArray b) {
        NDArray logP = logSigmoid(a).add(logSigmoid(b));
        return logP.sub(
                Tensors.atLeast(logP.exp().neg().add(1f), ONE_MINUS_FLOOR).log());
    }

    /** {@code log σ(x) = −softplus(−x)}, stable for large |x|. */
    static NDArray logSigmoid(NDArray x) {
        return Activation.relu(x.neg()).add(x.abs().neg().exp().add(1f).log()).neg();
    }

    /** VQA logits {@code (B, answers)}. */
    public NDArray vqa(ParameterStore ps, NDArray images, NDArray bag, boolean training) {
        return vqa(ps, images, null, bag, training);
    }

    /**
     * VQA logits {@code (B, answers)} where row {@code i} asks about image {@code index[i]} of {@code images}
     * (null: image {@code i}). The text-free parts (trunk, grounding cells) then run once per distinct image,
     * however many questions share it.
     */
    public NDArray vqa(ParameterStore ps, NDArray images, NDArray index, NDArray bag, boolean training) {
        NDArray h = Activation.relu(vqaHidden
                .forward(ps, new NDList(pooled(ps, images, index, bag, training)), training)
                .singletonOrThrow());
        return vqaOut.forward(ps, new NDList(h), training).singletonOrThrow();
    }

    /** MATCH logits {@code (B)}. */
    public NDArray match(ParameterStore ps, NDArray images, NDArray bag, boolean training) {
        return match(ps, images, null, bag, training);
    }

    /** MATCH logits {@code (B)}, images shared through {@code index} as in {@link #vqa(ParameterStore, NDArray, NDArray, NDArray, boolean)}. */
    public NDArray match(ParameterStore ps, NDArray images, NDArray index, NDArray bag, boolean training) {
        NDArray h = Activation.relu(matchHidden
                .forward(ps, new NDList(pooled(ps, images, index, bag, training)), training)
                .singletonOrThrow());
        return matchOut.forward(ps, new NDList(h), training).singletonOrThrow().reshape(-1);
    }

    /** The VQA/MATCH heads' input: [mean, max of the answering features, text(, grounded pool, Σ score, max score)]. */
    private NDArray pooled(ParameterStore ps, NDArray images, NDArray index, NDArray bag, boolean training) {
        NDArray t = text(ps, bag, training);
        NDArray distinct = trunk(ps, images, training);
        NDArray f = answering(ps, distinct, index, t, training);
        // PyTorch's max reduces one axis at a time: flatten the grid first
        NDArray flat = f.reshape(f.getShape().get(0), f.getShape().get(1), -1);
        NDList parts = new NDList(flat.mean(new int[] {2}), flat.max(new int[] {2}), t);
        if (config.groundedPooling()) {
            NDArray cells = groundingCells(ps, distinct, training);
            NDArray w = scoreCells(ps, index == null ? cells : cells.get(new NDIndex("{}", index)), t, training)
                    .score();
            NDArray mass = w.sum(new int[] {1}, true);
            long b = w.getShape().get(0);
            parts.add(flat.mul(w.reshape(b, 1, -1)).sum(new int[] {2}).div(mass.add(1f)));
            parts.add(mass);
            parts.add(w.max(new int[] {1}, true));
        }
        return NDArrays.concat(parts, 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(
                vqa(ps, in.get(0), in.get(1), training),
                match(ps, in.get(0), in.get(1), training),
                loc(ps, in.get(2), in.get(3), training));
    }

    /** The four input shapes {@link #forward} expects, for a batch of one. */
    public Shape[] inputShapes(int textWidth) {
        return new Shape[] {
            new Shape(1, 3, config.cropSize(), config.cropSize()),
            new Shape(1, textWidth),
            new Shape(1, 3, config.locHeight(), config.locWidth()),
            new Shape(1, textWidth)
        };
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        long b = in[0].get(0);
        long bl = in[2].get(0);
        int s = config.stride();
        return new Shape[] {
            new Shape(b, answers), new Shape(b), new Shape(bl, GridBoxes.CHANNELS, in[2].get(2) / s, in[2].get(3) / s)
        };
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        textIn.initialize(manager, dataType, in[1]);
        Shape t = new Shape(1, config.textDim());
        textOut.initialize(manager, dataType, t);
        film.initialize(manager, dataType, t);
        phraseOut.initialize(manager, dataType, t);
        Shape s = in[2];
        for (ConvUnit u : units) {
            u.initialize(manager, dataType, s);
            s = u.getOutputShapes(new Shape[] {s})[0];
        }
        Shape grid = new Shape(1, config.trunkChannels(), config.gridHeight(), config.gridWidth());
        for (ConvUnit u : locUnits) u.initialize(manager, dataType, grid);
        locOut.initialize(manager, dataType, grid);
        long cells = (long) config.gridHeight() * config.gridWidth();
        matcher.initialize(manager, dataType, new Shape(1, config.embedDim(), cells), new Shape(1, config.embedDim()));
        int c = config.featureChannels();
        Shape pooled = new Shape(1, 2L * c + config.textDim() + (config.groundedPooling() ? c + 2 : 0));
        vqaHidden.initialize(manager, dataType, pooled);
        matchHidden.initialize(manager, dataType, pooled);
        Shape hidden = new Shape(1, config.hidden());
        vqaOut.initialize(manager, dataType, hidden);
        matchOut.initialize(manager, dataType, hidden);
    }
}
