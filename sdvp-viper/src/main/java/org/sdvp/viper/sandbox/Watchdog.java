package org.sdvp.viper.sandbox;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;

/**
 * Cancels programs that run past their wall-clock or CPU-time limit or allocate too much, by closing their context
 * with {@code cancelIfExecuting}. GraalPy's CPU-time limit cannot see a program blocked in a host call or
 * an allocation storm, so this is the second, independent line of defence.
 *
 * <p>One daemon thread polls every few milliseconds; cancelling runs on a separate thread because
 * {@link Context#close(boolean)} waits for the guest to stop. Thread-safe.
 */
public final class Watchdog implements AutoCloseable {
    private static final long POLL_MILLIS = 5;

    private final ScheduledExecutorService timer;
    private final ExecutorService cancellers;
    private final Set<Guard> active = ConcurrentHashMap.newKeySet();
    /** HotSpot's per-thread allocation counter; null on a JVM without it (then only time is limited). */
    private final com.sun.management.ThreadMXBean allocation;

    private final boolean cpuTime;

    public Watchdog() {
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sdvp-viper-watchdog"));
        this.cancellers = Executors.newCachedThreadPool(r -> daemon(r, "sdvp-viper-cancel"));
        var bean = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean alloc = null;
        if (bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
            if (!sun.isThreadAllocatedMemoryEnabled()) sun.setThreadAllocatedMemoryEnabled(true);
            alloc = sun;
        }
        this.allocation = alloc;
        this.cpuTime = bean.isThreadCpuTimeSupported() && bean.isThreadCpuTimeEnabled();
        timer.scheduleWithFixedDelay(this::tick, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts watching {@code context}, run by {@code thread}, until the returned guard is closed. */
    public Guard watch(Context context, Thread thread, SandboxLimits limits) {
        Guard g = new Guard(
                context,
                thread,
                System.nanoTime() + limits.wallTime().toNanos(),
                limits.wallTime().toMillis(),
                allocated(thread),
                limits.maxAllocatedBytes(),
                cpu(thread),
                limits.cpuTime().toNanos());
        active.add(g);
        return g;
    }

    /** Number of programs being watched (for tests). */
    public int activeCount() {
        return active.size();
    }

    private long allocated(Thread t) {
        return allocation == null ? 0 : allocation.getThreadAllocatedBytes(t.getId());
    }

    private long cpu(Thread t) {
        return cpuTime ? ManagementFactory.getThreadMXBean().getThreadCpuTime(t.getId()) : 0;
    }

    private void tick() {
        long now = System.nanoTime();
        for (Guard g : active) {
            if (g.reason != null) continue;
            if (now - g.deadline > 0) {
                g.cancel("wall-clock limit of " + g.wallMillis + " ms exceeded");
            } else if (allocation != null && allocated(g.thread) - g.allocatedAtStart > g.maxAllocated) {
                g.cancel("memory limit exceeded: the program allocated more than " + (g.maxAllocated >> 20) + " MiB");
            } else if (cpuTime && cpu(g.thread) - g.cpuAtStart > g.maxCpu + g.maxCpu / 4 + 100_000_000L) {
                // A backstop with slack: GraalPy's own limit (reset per program in a pooled context) fires
                // first; this one also counts host time and catches a program GraalPy's check misses.
                g.cancel("CPU time limit of " + g.maxCpu / 1_000_000 + " ms exceeded (watchdog)");
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        cancellers.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One watched program. Closing it stops the watch (the context itself is closed by its owner). */
    public final class Guard implements AutoCloseable {
        private final Context context;
        private final Thread thread;
        private final long deadline;
        private final long wallMillis;
        private final long allocatedAtStart;
        private final long maxAllocated;
        private final long cpuAtStart;
        private final long maxCpu;
        private volatile String reason;

        private Guard(
                Context context,
                Thread thread,
                long deadline,
                long wallMillis,
                long allocatedAtStart,
                long maxAllocated,
                long cpuAtStart,
                long maxCpu) {
            this.cpuAtStart = cpuAtStart;
            this.maxCpu = maxCpu;
            this.context = context;
            this.thread = thread;
            this.deadline = deadline;
            this.wallMillis = wallMillis;
            this.allocatedAtStart = allocatedAtStart;
            this.maxAllocated = maxAllocated;
        }

        /** Why the watchdog stopped the program, if it did. */
        public Optional<String> cancelReason() {
            return Optional.ofNullable(reason);
        }

        private boolean closed;

        /** Synchronized with {@link #close()}: once the owner has closed the guard, nothing is cancelled. */
        private synchronized void cancel(String why) {
            if (closed) return;
            reason = why;
            // The interrupt ends a wait for a model answer; close(true) stops guest code.
            thread.interrupt();
            cancellers.execute(() -> {
                try {
                    context.close(true);
                } catch (RuntimeException ignored) {
                    // Already closed by its owner, or closing raced with normal completion.
                }
            });
        }

        @Override
        public synchronized void close() {
            closed = true;
            active.remove(this);
        }
    }
}
