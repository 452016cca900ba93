package org.sdvp.llm.source;

import java.util.Map;

/** A program source that counts what it did (LLM calls, tokens, cache hits) for the eval results. */
public interface StatsReporting {

    /** A snapshot of the counters, in a stable order; safe to call while the source is in use. */
    Map<String, Long> stats();
}
