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
 */
public record CacheKey(String promptVersion, String model, String question, boolean pair) {
    public CacheKey {
        Objects.requireNonNull(promptVersion, "promptVersion");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(question, "question");
    }

    /** SHA-256 (hex) of the fields, NUL-separated so that no two keys collide by concatenation. */
    public String hash() {
        String joined = promptVersion + '\0' + model + '\0' + question + '\0' + (pair ? "pair" : "single");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
