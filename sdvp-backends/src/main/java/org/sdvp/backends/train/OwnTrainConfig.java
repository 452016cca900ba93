package org.sdvp.backends.train;

/**
 * How an own TorchScript model is trained: {@code steps} Adam updates of {@code batch} pairs drawn with
 * replacement by a generator seeded with {@code seed} (one thread: the same seed gives the same model).
 */
public record OwnTrainConfig(int steps, int batch, float learningRate, long seed) {
    public OwnTrainConfig {
        if (steps < 1) throw new IllegalArgumentException("steps must be at least 1: " + steps);
        if (batch < 1) throw new IllegalArgumentException("batch must be at least 1: " + batch);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learningRate must be > 0: " + learningRate);
    }

    public static OwnTrainConfig defaults(int steps, long seed) {
        return new OwnTrainConfig(steps, 16, 1e-3f, seed);
    }
}
