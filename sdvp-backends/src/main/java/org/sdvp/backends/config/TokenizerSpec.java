package org.sdvp.backends.config;

/**
 * The text side: a Hugging Face {@code tokenizer.json} beside model.json, every text truncated and padded to
 * {@code maxLength} tokens with {@code padId} (0 by default; CLIP pads with its end-of-text id).
 */
public record TokenizerSpec(String file, Integer maxLength, Long padId) {
    public long padIdOrDefault() {
        return padId == null ? 0 : padId;
    }
}
