package org.sdvp.llm.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a generated program depends on: the prompt version, the model and the question (and whether it is
 * about an image pair). Temperature and max tokens are deliberately not part of it: a cache is meant to
 * freeze one set of programs per prompt and model, so that re-running an evaluation re-uses them.
 *
 * @param promptVersion e.g. {@code visprog-single-v1}
 * @param model         the model name as configured
 * @param question      the question text as given to the prompt
 * @param pair          whether the question is about an image pair
 * @param sample        which of several programs sampled for the question ({@code --samples K}: 0..K-1), or
 *                      {@link #SINGLE} for the one program asked with re-asks
 */
public record CacheKey(String promptVersion, String model, String question, boolean pair, int sample) {
    /** The key of the single program per question (no sampling). */
    public static final int SINGLE = -1;

    public CacheKey {
        Objects.requireNonNull(promptVersion, "promptVersion");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(question, "question");
        if (sample < SINGLE) throw new IllegalArgumentException("sample must be >= 0: " + sample);
    }

    public CacheKey(String promptVersion, String model, String question, boolean pair) {
        this(promptVersion, model, question, pair, SINGLE);
    }

    /** The key of sample {@code i} of this question. */
    public CacheKey sample(int i) {
        return new CacheKey(promptVersion, model, question, pair, i);
    }

    /** SHA-256 (hex) of the fields, NUL-separated so that no two keys collide by concatenation. */
    public String hash() {
        // A single program's key is what it was before sampling existed, so older cache files stay valid.
        String joined = promptVersion
                + '\0'
                + model
                + '\0'
                + question
                + '\0'
                + (pair ? "pair" : "single")
                + (sample == SINGLE ? "" : "\0sample=" + sample);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
