package org.sdvp.core.source;

/**
 * Gives the program text for a question: the dataset's converted program, an LLM, or a cache file.
 * Implementations are thread-safe (evaluation asks from many threads).
 */
public interface ProgramSource extends AutoCloseable {

    /** For reports: {@code dataset}, {@code llm:MODEL}, a file name. */
    String name();

    /** @throws ProgramSourceException when no program can be had for this question (recorded, run goes on) */
    String programFor(Question example) throws ProgramSourceException;

    /**
     * {@code k} programs for the question, the invalid ones dropped ({@code --samples K}). Sources with one
     * program per question support only {@code k = 1}; the LLM source samples.
     *
     * @throws ProgramSourceException when no program can be had, or the source cannot sample
     */
    default ProgramSamples samplesFor(Question example, int k) throws ProgramSourceException {
        if (k == 1) return ProgramSamples.of(programFor(example));
        throw new ProgramSourceException(
                "programs from " + name() + " cannot be sampled (--samples " + k + " needs --programs llm)");
    }

    /**
     * Counters for the results file (LLM calls, tokens, re-asks, fallbacks, cache hits); empty for sources
     * that have nothing to count.
     */
    default java.util.Map<String, Long> stats() {
        return java.util.Map.of();
    }

    @Override
    default void close() {}
}
