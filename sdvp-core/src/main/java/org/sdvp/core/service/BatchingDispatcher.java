package org.sdvp.core.service;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Gathers single calls from many concurrently running programs into batches for one {@link ModelService}
 * (ViperGPT-style micro-batching).
 *
 * <p>Greedy policy: while the model is busy with one batch, calls queue up; when it is free it takes
 * everything queued (up to {@code maxBatch}). A lone program therefore waits for no window, and many
 * programs fill batches by themselves. An optional linger waits a little longer for stragglers.
 *
 * <p>The service's {@link ModelService#prepare} runs on the caller's thread before the request is queued:
 * the single model thread is the serial part of an evaluation, so everything that can leave it does.
 *
 * <p>Thread-safe. The service's {@code apply} is only ever called from the dispatcher's single worker thread.
 */
public final class BatchingDispatcher<I, O> implements AutoCloseable {
    private record Pending<I, O>(I request, Object prepared, CompletableFuture<O> answer) {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ModelService<I, O> service;
    private final int maxBatch;
    private final long lingerNanos;
    private final BlockingQueue<Pending<I, O>> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final LongAdder prepareNanos = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final boolean cpuTimed = THREADS.isCurrentThreadCpuTimeSupported();
    // written by the worker only, read by anyone
    private volatile long busyNanos;
    private volatile long busyCpuNanos;
    private volatile int largestBatch;
    private volatile boolean closed;

    public BatchingDispatcher(String name, ModelService<I, O> service, int maxBatch, long lingerMicros) {
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be >= 1: " + maxBatch);
        this.service = service;
        this.maxBatch = maxBatch;
        this.lingerNanos = TimeUnit.MICROSECONDS.toNanos(lingerMicros);
        this.worker = new Thread(this::loop, "sdvp-batch-" + name);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Answers one request, blocking until its batch has run. */
    public O call(I request) throws ModelServiceException, InterruptedException {
        return callAll(List.of(request)).get(0);
    }

    /**
     * Answers several requests of one caller, in order. They are queued together, so they share a batch
     * (up to {@code maxBatch}) instead of each waiting for the model in turn: a step that needs many answers
     * at once (CLASSIFY: one match per category) costs one hand-off, not one per answer.
     */
    public List<O> callAll(List<I> requests) throws ModelServiceException, InterruptedException {
        if (closed) throw new ModelServiceException("model service closed");
        long t0 = System.nanoTime();
        List<Object> prepared = new ArrayList<>(requests.size());
        try {
            for (I request : requests) prepared.add(service.prepare(request));
        } catch (RuntimeException e) {
            throw new ModelServiceException("preparing the model input failed: " + e.getMessage(), e);
        }
        long t1 = System.nanoTime();
        prepareNanos.add(t1 - t0);
        List<CompletableFuture<O>> answers = new ArrayList<>(requests.size());
        List<Pending<I, O>> pending = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            CompletableFuture<O> answer = new CompletableFuture<>();
            answers.add(answer);
            pending.add(new Pending<>(requests.get(i), prepared.get(i), answer));
        }
        queue.addAll(pending);
        try {
            // timed inside: taking a CPU slot back after the answer is not waiting for the model
            return CpuSlots.released(() -> {
                try {
                    List<O> out = new ArrayList<>(answers.size());
                    for (CompletableFuture<O> a : answers) out.add(a.get());
                    return out;
                } finally {
                    waitNanos.add(System.nanoTime() - t1);
                }
            });
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ModelServiceException m) throw m;
            throw new ModelServiceException(String.valueOf(c.getMessage()), c);
        }
    }

    public boolean covers(I request) {
        return service.covers(request);
    }

    /** Requests waiting for the model now (not yet in a batch). */
    int queued() {
        return queue.size();
    }

    /** Batches run so far. */
    public long batchCount() {
        return batches.get();
    }

    /** Requests answered so far. */
    public long requestCount() {
        return requests.get();
    }

    /** All counters so far (consistent enough for reports; not an atomic snapshot). */
    public DispatchStats stats() {
        return new DispatchStats(
                batches.get(),
                requests.get(),
                largestBatch,
                prepareNanos.sum(),
                waitNanos.sum(),
                busyNanos,
                cpuTimed ? busyCpuNanos : -1);
    }

    private void loop() {
        List<Pending<I, O>> batch = new ArrayList<>(maxBatch);
        try {
            while (!closed) {
                batch.add(queue.take());
                queue.drainTo(batch, maxBatch - batch.size());
                if (lingerNanos > 0 && batch.size() < maxBatch) {
                    Pending<I, O> more = queue.poll(lingerNanos, TimeUnit.NANOSECONDS);
                    if (more != null) {
                        batch.add(more);
                        queue.drainTo(batch, maxBatch - batch.size());
                    }
                }
                runBatch(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ModelServiceException gone = new ModelServiceException("model service closed");
            batch.forEach(p -> p.answer().completeExceptionally(gone));
            queue.forEach(p -> p.answer().completeExceptionally(gone));
        }
    }

    private void runBatch(List<Pending<I, O>> batch) {
        List<I> inputs = new ArrayList<>(batch.size());
        List<Object> prepared = new ArrayList<>(batch.size());
        for (Pending<I, O> p : batch) {
            inputs.add(p.request());
            prepared.add(p.prepared());
        }
        List<O> outputs = null;
        Throwable failure = null;
        long t0 = System.nanoTime(), c0 = cpuTimed ? THREADS.getCurrentThreadCpuTime() : 0;
        try {
            outputs = service.apply(inputs, prepared);
            if (outputs.size() != inputs.size()) {
                failure = new ModelServiceException(
                        "model service returned " + outputs.size() + " answers for " + inputs.size() + " requests");
            }
        } catch (Exception | Error e) {
            failure = e;
        }
        busyNanos += System.nanoTime() - t0;
        if (cpuTimed) busyCpuNanos += THREADS.getCurrentThreadCpuTime() - c0;
        if (failure instanceof Exception && batch.size() > 1 && !closed) {
            // One bad request (an image whose annotation entry is invalid) must fail its own question only,
            // not every question that happened to share its batch: each request is answered on its own.
            for (Pending<I, O> p : batch) runBatch(List.of(p));
            return;
        }
        if (batch.size() > largestBatch) largestBatch = batch.size();
        // count before answering, so a caller that has its answer also sees it counted
        batches.incrementAndGet();
        requests.addAndGet(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (failure == null) batch.get(i).answer().complete(outputs.get(i));
            else batch.get(i).answer().completeExceptionally(failure);
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
    }
}
