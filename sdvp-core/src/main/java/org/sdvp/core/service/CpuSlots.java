package org.sdvp.core.service;

import java.util.concurrent.Semaphore;

/**
 * Bounds how many program threads compute at once, while any number may wait for models. An evaluation runs
 * many programs so that their model calls batch, but on a small CPU dozens of program threads loading
 * images and cutting crops at the same time starve the one model thread that everything waits for (the OS
 * shares a core per thread, not per job); measured on 2 shared cores, 64 unbounded program threads made an
 * evaluation slower than one program at a time. A thread holds a slot while it computes and gives it back
 * while it waits for a {@link BatchingDispatcher}, so batches still fill.
 *
 * <p>The slot a thread holds is remembered per thread: {@link BatchingDispatcher#call} releases it around its
 * wait without knowing who created it.
 */
public final class CpuSlots {
    private static final ThreadLocal<CpuSlots> HELD = new ThreadLocal<>();

    private final Semaphore slots;

    public CpuSlots(int slots) {
        if (slots < 1) throw new IllegalArgumentException("slots must be >= 1: " + slots);
        this.slots = new Semaphore(slots, true);
    }

    /** One slot per available processor. */
    public static CpuSlots perProcessor() {
        return new CpuSlots(Runtime.getRuntime().availableProcessors());
    }

    /** Takes a slot for the calling thread (blocking until one is free). */
    public void enter() throws InterruptedException {
        if (HELD.get() != null) throw new IllegalStateException("this thread already holds a CPU slot");
        slots.acquire();
        HELD.set(this);
    }

    /** Gives the calling thread's slot back. */
    public void exit() {
        if (HELD.get() != this) throw new IllegalStateException("this thread holds no slot of these CpuSlots");
        HELD.remove();
        slots.release();
    }

    /** Runs {@code wait} without the calling thread's slot, if it holds one, and takes a slot again after. */
    static <T, E extends Exception> T released(Waiting<T, E> wait) throws E, InterruptedException {
        CpuSlots held = HELD.get();
        if (held == null) return wait.get();
        held.slots.release();
        try {
            return wait.get();
        } finally {
            held.slots.acquireUninterruptibly();
        }
    }

    /** A blocking wait. */
    interface Waiting<T, E extends Exception> {
        T get() throws E, InterruptedException;
    }
}
