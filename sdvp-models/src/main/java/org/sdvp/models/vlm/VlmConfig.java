package org.sdvp.models.vlm;

import java.util.List;

/**
 * The student VLM's architecture (student v2): everything needed to rebuild its block tree before loading
 * weights. Stored as {@code architecture} in a checkpoint's {@code config.json}; a loaded checkpoint must
 * match it field by field. Checkpoints of the first student (a FiLM-driven grounding heatmap) lack
 * {@code embedDim} and are refused with a message that says so (retrain them).
 *
 * <p>The image encoder is a shared trunk (every unit before the FiLM units) followed by two branches on the
 * same grid: the <b>grounding branch</b> ({@code locDilations}: dilated conv units, then per cell an
 * objectness logit, a class-agnostic box and an {@code embedDim}-wide embedding matched against the phrase,
 * see {@link org.sdvp.models.nn.PhraseMatcher}) and the <b>answering branch</b> (the {@code filmUnits} conv
 * units the text modulates, pooled for VQA and MATCH).
 *
 * @param cropSize side of the square that VQA and MATCH crops are placed on
 * @param locWidth width whole images are resized to (a multiple of the trunk's stride)
 * @param locHeight height whole images are resized to
 * @param channels output channels of each conv unit of the encoder (trunk, then the FiLM units)
 * @param strides stride of each conv unit; the trunk's product is the grid's cell size in pixels, FiLM units
 *     keep the grid (stride 1)
 * @param filmUnits how many of the last conv units are modulated by the text (FiLM); the rest are the trunk
 * @param groups GroupNorm groups per conv unit (0 = no normalisation)
 * @param textDim width of the text vector
 * @param hidden width of the VQA and MATCH heads' hidden layer
 * @param bigrams whether the text encoder sees word pairs besides words
 * @param boundedFilm whether the FiLM scale is {@code 1 + tanh(γ)} (in (0, 2)) rather than {@code 1 + γ}
 *     (the unbounded scale made the first default pretraining diverge, docs/models.md)
 * @param locDilations one 3×3 conv unit of the grounding branch per entry, with that dilation (context)
 * @param embedDim width of the per-cell object embedding and of the phrase embedding
 * @param groundedPooling whether VQA and MATCH also pool the answering features weighted by the grounding
 *     scores of the question over the image (and read their sum, a soft count)
 */
public record VlmConfig(
        int cropSize,
        int locWidth,
        int locHeight,
        List<Integer> channels,
        List<Integer> strides,
        int filmUnits,
        int groups,
        int textDim,
        int hidden,
        boolean bigrams,
        boolean boundedFilm,
        List<Integer> locDilations,
        int embedDim,
        boolean groundedPooling) {

    public VlmConfig {
        channels = List.copyOf(channels);
        strides = List.copyOf(strides);
        locDilations = List.copyOf(locDilations);
        if (channels.isEmpty() || channels.size() != strides.size()) {
            throw new IllegalArgumentException(
                    "channels and strides need one entry per conv unit: " + channels + " vs " + strides);
        }
        if (filmUnits < 1 || filmUnits >= channels.size()) {
            throw new IllegalArgumentException("filmUnits must be in 1.." + (channels.size() - 1)
                    + " (the trunk needs at least one unit): " + filmUnits);
        }
        int trunk = channels.size() - filmUnits;
        for (int i = trunk; i < channels.size(); i++) {
            if (strides.get(i) != 1)
                throw new IllegalArgumentException("FiLM units keep the grid: stride 1, not " + strides.get(i));
            if (channels.get(i) != channels.get(channels.size() - 1)) {
                throw new IllegalArgumentException(
                        "FiLM-modulated units must all have " + channels.get(channels.size() - 1) + " channels");
            }
        }
        int stride = strides.stream().reduce(1, (a, b) -> a * b);
        if (locWidth % stride != 0 || locHeight % stride != 0 || cropSize % stride != 0) {
            throw new IllegalArgumentException("image sizes must be multiples of the encoder stride " + stride);
        }
        if (locDilations.isEmpty() || locDilations.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("locDilations needs at least one dilation >= 1: " + locDilations);
        }
        if (embedDim < 1) throw new IllegalArgumentException("embedDim must be >= 1: " + embedDim);
    }

    /**
     * The default student v2: about 0.7 M parameters with the world's vocabularies, 64×64 crops, whole images
     * at 96×96 over a 12×12 grid (the world draws 128×128), a one-unit grounding branch with 64-d embeddings.
     * One undilated grounding unit instead of three with dilations 2, 4, 1 was chosen on the pretrainer's
     * held-out general scenes (docs/models.md, <i>Ablation of the grounding branch</i>): LOC F1 0.79 against 0.68.
     */
    public static VlmConfig defaults() {
        return new VlmConfig(
                64,
                96,
                96,
                List.of(32, 64, 96, 96, 96),
                List.of(2, 2, 2, 1, 1),
                2,
                0,
                128,
                256,
                true,
                true,
                List.of(1),
                64,
                true);
    }

    /** A tiny network for tests: same structure, a few thousand parameters. */
    public static VlmConfig tiny() {
        return new VlmConfig(
                32, 64, 48, List.of(8, 16, 16), List.of(2, 2, 1), 1, 0, 16, 32, true, true, List.of(2), 8, true);
    }

    /** Pixels per grid cell: the product of the strides. */
    public int stride() {
        return strides.stream().reduce(1, (a, b) -> a * b);
    }

    public int gridWidth() {
        return locWidth / stride();
    }

    public int gridHeight() {
        return locHeight / stride();
    }

    /** Units before the FiLM units: shared by the grounding and the answering branch. */
    public int trunkUnits() {
        return channels.size() - filmUnits;
    }

    public int trunkChannels() {
        return channels.get(trunkUnits() - 1);
    }

    public int featureChannels() {
        return channels.get(channels.size() - 1);
    }
}
