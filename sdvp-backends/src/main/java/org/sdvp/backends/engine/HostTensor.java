package org.sdvp.backends.engine;

import java.util.Arrays;

/** A tensor in Java memory, row-major: what sdvp hands an engine and gets back, whatever the engine. */
public sealed interface HostTensor permits HostTensor.Floats, HostTensor.Longs {

    long[] shape();

    /** float32 data (every output is read as this). */
    record Floats(long[] shape, float[] data) implements HostTensor {
        public Floats {
            checkSize(shape, data.length);
        }
    }

    /** int64 data (token ids, masks). */
    record Longs(long[] shape, long[] data) implements HostTensor {
        public Longs {
            checkSize(shape, data.length);
        }
    }

    private static void checkSize(long[] shape, int length) {
        long n = 1;
        for (long d : shape) n *= d;
        if (n != length)
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " needs " + n + " values, got " + length);
    }

    /** {@code [2, 3, 32, 32]}. */
    static String format(long[] shape) {
        return Arrays.toString(shape);
    }
}
