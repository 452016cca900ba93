package org.sdvp.llm.cache;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One line of a program cache file. The key fields are stored beside the hash so a person can read, grep
 * and prune the file.
 *
 * @param v        file format version ({@link ProgramCache#FORMAT_VERSION})
 * @param key      {@link CacheKey#hash()}
 * @param prompt   the prompt version
 * @param model    the model
 * @param question the question
 * @param pair     whether it is about an image pair
 * @param program  the program text
 * @param fallback whether the program is the fallback (no valid program was generated)
 * @param sample   which sample of the question ({@code --samples K}), or null for the single program
 * @param invalid  true for a sampled program that failed the check (kept so a second run asks nothing;
 *                 it is dropped from the vote), null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CacheEntry(
        int v,
        String key,
        String prompt,
        String model,
        String question,
        boolean pair,
        String program,
        boolean fallback,
        Integer sample,
        Boolean invalid) {
    public CacheEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(program, "program");
    }

    public static CacheEntry of(CacheKey k, String program, boolean fallback) {
        return of(k, program, fallback, false);
    }

    /** @param invalid a sampled program that failed the check */
    public static CacheEntry of(CacheKey k, String program, boolean fallback, boolean invalid) {
        return new CacheEntry(
                ProgramCache.FORMAT_VERSION,
                k.hash(),
                k.promptVersion(),
                k.model(),
                k.question(),
                k.pair(),
                program,
                fallback,
                k.sample() == CacheKey.SINGLE ? null : k.sample(),
                invalid ? Boolean.TRUE : null);
    }

    /** Whether this is a sampled program that failed the check. */
    public boolean isInvalid() {
        return Boolean.TRUE.equals(invalid);
    }
}
