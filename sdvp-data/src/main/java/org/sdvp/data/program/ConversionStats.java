package org.sdvp.data.program;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts converted programs and fallbacks over a split, with the reasons. Thread-safe (sources may be
 * read from evaluation threads).
 */
public final class ConversionStats {
    private long converted;
    private long fallbacks;
    private final Map<String, Long> reasons = new TreeMap<>();

    public synchronized void add(Conversion c) {
        if (c.fallback()) {
            fallbacks++;
            reasons.merge(c.fallbackReason().get(), 1L, Long::sum);
        } else {
            converted++;
        }
    }

    public synchronized long total() {
        return converted + fallbacks;
    }

    public synchronized long fallbacks() {
        return fallbacks;
    }

    /** Fallbacks / total, 0 when nothing was converted. */
    public synchronized double fallbackRate() {
        return total() == 0 ? 0 : (double) fallbacks / total();
    }

    /** Reason → count, for reports. */
    public synchronized Map<String, Long> reasons() {
        return Map.copyOf(reasons);
    }

    @Override
    public synchronized String toString() {
        return String.format(
                java.util.Locale.ROOT, "%d programs, %d fallbacks (%.1f%%)", total(), fallbacks, 100 * fallbackRate());
    }
}
