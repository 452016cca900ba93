package org.sdvp.llm.client;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with a cap and "equal jitter": the wait before retry {@code n} (0-based) is
 * {@code d/2 + uniform(0, d/2)} with {@code d = min(max, initial * 2^n)}. Jitter keeps many workers that
 * hit the same 429 from retrying in lock-step; the seeded RNG keeps test runs repeatable. Thread-safe.
 */
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private final Random random;

    public Backoff(Duration initial, Duration max, long seed) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = new Random(seed);
    }

    /** The wait before retry number {@code retry} (0 for the first retry). */
    public Duration delay(int retry) {
        long d = initialMillis;
        for (int i = 0; i < retry && d < maxMillis; i++) d *= 2;
        d = Math.min(d, maxMillis);
        double u;
        synchronized (random) {
            u = random.nextDouble();
        }
        return Duration.ofMillis(d / 2 + (long) (u * (d - d / 2)));
    }
}
