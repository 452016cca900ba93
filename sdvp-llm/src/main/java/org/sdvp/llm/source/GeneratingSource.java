package org.sdvp.llm.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sdvp.core.source.ProgramSamples;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.core.source.ProgramSourceException;
import org.sdvp.core.source.Question;
import org.sdvp.llm.cache.CacheKey;

/**
 * A program source whose programs depend only on a {@link CacheKey} (not on the images), so a
 * {@link CachedProgramSource} can store them and serve them again.
 */
public interface GeneratingSource extends ProgramSource {

    /** What the program for this example depends on. */
    CacheKey cacheKey(Question example);

    GeneratedProgram generate(Question example) throws ProgramSourceException;

    /**
     * Sample {@code i} of several programs for the question ({@code --samples K}): one request, checked, not
     * re-asked; an invalid one comes back with {@code valid = false}.
     */
    GeneratedProgram sample(Question example, int i) throws ProgramSourceException;

    /** The program used when no valid one was generated (ask the whole question). */
    String fallbackFor(Question example);

    @Override
    default String programFor(Question example) throws ProgramSourceException {
        return generate(example).program();
    }

    /** {@code k} samples, the invalid ones dropped; the fallback when none is valid. */
    @Override
    default ProgramSamples samplesFor(Question example, int k) throws ProgramSourceException {
        if (k == 1) return ProgramSamples.of(programFor(example));
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            GeneratedProgram g = sample(example, i);
            if (g.valid()) valid.add(g.program());
        }
        return new ProgramSamples(k, valid, valid.isEmpty() ? Optional.of(fallbackFor(example)) : Optional.empty());
    }
}
