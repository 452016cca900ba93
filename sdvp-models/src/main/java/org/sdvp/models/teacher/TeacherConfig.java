package org.sdvp.models.teacher;

import java.util.List;

/**
 * A teacher's architecture (stored in its checkpoint).
 *
 * @param cropSize side object crops are resized to for the attribute head
 * @param detSize side whole images are resized to for the detector
 * @param channels conv units of the shared encoder
 * @param strides their strides (product = detector cell size)
 * @param groups GroupNorm groups (0 = none)
 * @param hidden attribute head's hidden width
 */
public record TeacherConfig(
        int cropSize, int detSize, List<Integer> channels, List<Integer> strides, int groups, int hidden) {
    public TeacherConfig {
        channels = List.copyOf(channels);
        strides = List.copyOf(strides);
        if (channels.isEmpty() || channels.size() != strides.size()) {
            throw new IllegalArgumentException("channels and strides need one entry per conv unit");
        }
        int stride = strides.stream().reduce(1, (a, b) -> a * b);
        if (detSize % stride != 0 || cropSize % stride != 0) {
            throw new IllegalArgumentException("image sizes must be multiples of the encoder stride " + stride);
        }
    }

    /** About 30 k parameters: a twentieth of the default student. */
    public static TeacherConfig defaults() {
        return new TeacherConfig(40, 96, List.of(16, 24, 32, 32), List.of(2, 2, 2, 1), 0, 48);
    }

    public static TeacherConfig tiny() {
        return new TeacherConfig(16, 48, List.of(8, 8), List.of(2, 2), 0, 16);
    }

    public int stride() {
        return strides.stream().reduce(1, (a, b) -> a * b);
    }

    public int grid() {
        return detSize / stride();
    }

    public int featureChannels() {
        return channels.get(channels.size() - 1);
    }
}
