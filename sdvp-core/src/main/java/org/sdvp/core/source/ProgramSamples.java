package org.sdvp.core.source;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The programs sampled for one question ({@code --samples K}).
 *
 * @param asked    how many programs were sampled (K)
 * @param valid    the ones that passed the check, in sample order (invalid ones are dropped)
 * @param fallback the program to run when none is valid (counted as a fallback), or empty
 */
public record ProgramSamples(int asked, List<String> valid, Optional<String> fallback) {
    public ProgramSamples {
        valid = List.copyOf(valid);
        Objects.requireNonNull(fallback, "fallback");
        if (asked < 1) throw new IllegalArgumentException("at least one sample: " + asked);
        if (valid.size() > asked) throw new IllegalArgumentException(valid.size() + " valid of " + asked + " asked");
    }

    /** A single program, as every source has. */
    public static ProgramSamples of(String program) {
        return new ProgramSamples(1, List.of(program), Optional.empty());
    }
}
