package org.sdvp.world.task;

import java.nio.charset.StandardCharsets;

/**
 * The seed of a split's random stream, from (task, split, base seed). Splits of one task draw from
 * unrelated 64-bit streams, so they share no scene (the test checks it); the mapping is fixed forever, as
 * it is part of the determinism contract.
 */
public final class Seeds {
    private Seeds() {}

    public static long of(String task, String split, long base) {
        long h = 0xcbf29ce484222325L; // FNV-1a over "task/split"
        for (byte b : (task + "/" + split).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h ^ mix(base));
    }

    /** SplitMix64's finaliser: spreads nearby inputs (seeds 1, 2, 3) over the whole range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
