package org.sdvp.models.vlm;

import java.util.List;

/**
 * The student VLM's architecture: everything needed to rebuild its block tree before loading weights.
 * Stored as {@code architecture} in a checkpoint's {@code config.json}; a loaded checkpoint must match it
 * field by field.
 *
 * @param cropSize side of the square that VQA and MATCH inputs (crops or images) are resized to
 * @param locWidth width full images are resized to for grounding (a multiple of the encoder's stride)
 * @param locHeight height full images are resized to for grounding
 * @param channels output channels of each conv unit of the image encoder
 * @param strides stride of each conv unit; their product is the grounding grid's cell size in pixels
 * @param filmUnits how many of the last conv units are modulated by the text (FiLM)
 * @param groups GroupNorm groups per conv unit (0 = no normalisation)
 * @param textDim width of the text vector
 * @param hidden width of the VQA and MATCH heads' hidden layer
 * @param bigrams whether the text encoder sees word pairs besides words
 * @param boundedFilm whether the FiLM scale is {@code 1 + tanh(γ)} (in (0, 2)) rather than the unbounded
 *     {@code 1 + γ}; without normalisation in the encoder an unbounded scale let two modulated units
 *     multiply activations without limit, and the default pretraining diverged (docs/models.md). Checkpoints
 *     written before this field existed lack it and are rejected by name (retrain them).
 */
public record VlmConfig(int cropSize, int locWidth, int locHeight, List<Integer> channels, List<Integer> strides,
                        int filmUnits, int groups, int textDim, int hidden, boolean bigrams,
                        boolean boundedFilm) {

    public VlmConfig {
        channels = List.copyOf(channels);
        strides = List.copyOf(strides);
        if (channels.isEmpty() || channels.size() != strides.size()) {
            throw new IllegalArgumentException("channels and strides need one entry per conv unit: "
                    + channels + " vs " + strides);
        }
        if (filmUnits < 1 || filmUnits > channels.size()) {
            throw new IllegalArgumentException("filmUnits must be in 1.." + channels.size() + ": " + filmUnits);
        }
        int stride = strides.stream().reduce(1, (a, b) -> a * b);
        if (locWidth % stride != 0 || locHeight % stride != 0 || cropSize % stride != 0) {
            throw new IllegalArgumentException("image sizes must be multiples of the encoder stride " + stride);
        }
        int last = channels.get(channels.size() - 1);
        for (int i = channels.size() - filmUnits; i < channels.size(); i++) {
            if (channels.get(i) != last) {
                throw new IllegalArgumentException("FiLM-modulated units must all have " + last + " channels");
            }
        }
    }

    /**
     * The default student: about 0.6 M parameters with the world's vocabularies, 64×64 crops, grounding on
     * whole images at 96×96 over a 12×12 grid (the world draws 128×128).
     */
    public static VlmConfig defaults() {
        return new VlmConfig(64, 96, 96, List.of(32, 64, 96, 96, 96), List.of(2, 2, 2, 1, 1),
                2, 0, 128, 256, true, true);
    }

    /** A tiny network for tests: same structure, a few thousand parameters. */
    public static VlmConfig tiny() {
        return new VlmConfig(32, 64, 48, List.of(8, 16, 16), List.of(2, 2, 2), 1, 0, 16, 32, true, true);
    }

    /** Pixels per grounding-grid cell. */
    public int stride() { return strides.stream().reduce(1, (a, b) -> a * b); }

    public int gridWidth() { return locWidth / stride(); }

    public int gridHeight() { return locHeight / stride(); }

    public int featureChannels() { return channels.get(channels.size() - 1); }
}
