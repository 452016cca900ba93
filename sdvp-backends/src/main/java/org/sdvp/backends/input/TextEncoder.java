package org.sdvp.backends.input;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.sdvp.backends.config.TokenizerSpec;
import org.sdvp.core.service.BackendException;

/**
 * Text as a model wants it: a Hugging Face {@code tokenizer.json} (DJL's binding of the Rust tokenizers, read
 * from the file, never from the hub), truncated to {@code maxLength} with its special tokens kept, then padded
 * with {@code padId}. Thread-safe: programs tokenise on their own threads ({@code ModelService.prepare}).
 */
public final class TextEncoder implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final int maxLength;
    private final long padId;

    private TextEncoder(HuggingFaceTokenizer tokenizer, int maxLength, long padId) {
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
        this.padId = padId;
    }

    /** ids, attention mask and type ids, each {@code maxLength} long. */
    public record Prepared(long[] ids, long[] attentionMask, long[] typeIds) {}

    public static TextEncoder open(Path file, TokenizerSpec spec) throws BackendException {
        System.setProperty("OPT_OUT_TRACKING", "true");
        try {
            HuggingFaceTokenizer t = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(file)
                    .optAddSpecialTokens(true)
                    .optTruncation(true)
                    .optMaxLength(spec.maxLength())
                    .optPadding(false)
                    .build();
            return new TextEncoder(t, spec.maxLength(), spec.padIdOrDefault());
        } catch (IOException | RuntimeException e) {
            throw new BackendException("cannot read the tokenizer " + file + ": " + e.getMessage(), e);
        }
    }

    public int maxLength() {
        return maxLength;
    }

    public Prepared encode(String text) {
        Encoding e = tokenizer.encode(text);
        long[] ids = e.getIds(), types = e.getTypeIds();
        int n = Math.min(ids.length, maxLength);
        long[] pid = Arrays.copyOf(ids, maxLength),
                mask = new long[maxLength],
                ptypes = Arrays.copyOf(types, maxLength);
        for (int i = 0; i < maxLength; i++) {
            if (i < n) mask[i] = 1;
            else pid[i] = padId;
        }
        return new Prepared(pid, mask, ptypes);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
