package org.sdvp.distill.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Independent jobs, up to a bound at once, results in submission order. The first failure (in that order)
 * is thrown after the jobs not yet started are cancelled and the running ones interrupted.
 */
final class Parallel {
    private Parallel() {}

    /** How many jobs run at once by default: one per processor, at most {@link #MAX_DEFAULT}. */
    static int defaultJobs() {
        return Math.max(1, Math.min(MAX_DEFAULT, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The default's cap: a distillation stage's worker process peaks around 2–3 GiB, and beyond four the
     * stages of the default plan rarely have that many independent stages ready at once.
     */
    static final int MAX_DEFAULT = 4;

    static <T> List<T> all(List<Callable<T>> jobs, int parallel, String threadName) throws Exception {
        if (parallel <= 1 || jobs.size() <= 1) {
            List<T> out = new ArrayList<>();
            for (Callable<T> j : jobs) out.add(j.call());
            return out;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, jobs.size()), r -> {
            Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> j : jobs) futures.add(pool.submit(j));
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(unwrap(f));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static <T> T unwrap(Future<T> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            if (e.getCause() instanceof Error x) throw x;
            throw e;
        }
    }
}
