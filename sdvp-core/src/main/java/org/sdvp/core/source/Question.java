package org.sdvp.core.source;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link ProgramSource} may look at of a question: the part of a benchmark example that decides its
 * program. The evaluation's {@code Example} is one; keeping this view here lets {@code source} sit below
 * {@code evaluation} (evaluation asks sources, never the other way round).
 */
public interface Question {
    /** Unique within its split; program files and caches are keyed by it. */
    String id();

    /** The question or statement text the program must answer. */
    String question();

    /** The initial image variables ({@code IMAGE}, or {@code LEFT} and {@code RIGHT}); empty when unknown. */
    Map<String, Path> images();

    /** The dataset's program for it, converted to the framework's language, if any. */
    Optional<String> program();
}
