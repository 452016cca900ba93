package org.sdvp.viper.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Resource limits for one sandboxed program.
 *
 * @param cpuTime        CPU time the program's thread may use in guest code (GraalPy's
 *                       {@code sandbox.MaxCPUTime}); time spent waiting for models is not CPU time. It also
 *                       covers setting up the context (~0.1 s warm), so keep it well above that.
 * @param wallTime       wall-clock limit enforced by the {@link Watchdog} (includes waiting for models)
 * @param maxStackFrames guest stack depth ({@code sandbox.MaxStackFrames}); deep recursion stops here
 * @param maxAllocatedBytes bytes the program's thread may allocate in total before the watchdog cancels it.
 *                       There is no retained-heap limit in-process (GraalPy's {@code sandbox.MaxHeapMemory}
 *                       is not supported on this runtime); counting allocation is the coarse substitute
 */
public record SandboxLimits(Duration cpuTime, Duration wallTime, int maxStackFrames, long maxAllocatedBytes) {
    public SandboxLimits {
        Objects.requireNonNull(cpuTime, "cpuTime");
        Objects.requireNonNull(wallTime, "wallTime");
        if (cpuTime.toMillis() < 1) throw new IllegalArgumentException("cpuTime must be at least 1 ms");
        if (wallTime.toMillis() < 1) throw new IllegalArgumentException("wallTime must be at least 1 ms");
        if (maxStackFrames < 50) throw new IllegalArgumentException("maxStackFrames must be >= 50: " + maxStackFrames);
        if (maxAllocatedBytes < 1 << 20) throw new IllegalArgumentException("maxAllocatedBytes must be >= 1 MiB");
    }

    /**
     * 5 s CPU, 60 s wall clock (a program may wait on batched model calls), 1200 frames (above Python's
     * default recursion limit of 1000, so ordinary deep recursion ends in Python's own RecursionError and
     * this limit is the backstop after {@code sys.setrecursionlimit}), 2 GiB allocated (a typical program
     * allocates a few MiB).
     */
    public static SandboxLimits defaults() {
        return new SandboxLimits(Duration.ofSeconds(5), Duration.ofSeconds(60), 1200, 2L << 30);
    }

    public SandboxLimits withCpuTime(Duration d) {
        return new SandboxLimits(d, wallTime, maxStackFrames, maxAllocatedBytes);
    }

    public SandboxLimits withWallTime(Duration d) {
        return new SandboxLimits(cpuTime, d, maxStackFrames, maxAllocatedBytes);
    }

    public SandboxLimits withMaxAllocatedBytes(long b) {
        return new SandboxLimits(cpuTime, wallTime, maxStackFrames, b);
    }
}
