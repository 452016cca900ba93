package org.sdvp.llm.source;

import org.sdvp.core.evaluation.Example;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.core.source.ProgramSourceException;
import org.sdvp.llm.cache.CacheKey;

/**
 * A program source whose programs depend only on a {@link CacheKey} (not on the images), so a
 * {@link CachedProgramSource} can store them and serve them again.
 */
public interface GeneratingSource extends ProgramSource {

    /** What the program for this example depends on. */
    CacheKey cacheKey(Example example);

    GeneratedProgram generate(Example example) throws ProgramSourceException;

    @Override
    default String programFor(Example example) throws ProgramSourceException {
        return generate(example).program();
    }
}
