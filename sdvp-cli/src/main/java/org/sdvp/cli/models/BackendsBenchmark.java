package org.sdvp.cli.models;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sdvp.cli.support.Backends;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelService;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.world.program.WorldCalls;

/**
 * Calls per second of any {@code --modules} backends on the same world calls (docs/performance.md, "Own
 * models"): for each backend and each service it has, the calls answered at batch 1 and at batch 32, each
 * call prepared ({@link ModelService#prepare}) and answered on this one thread, as a dispatcher's program
 * threads and model thread would do it between them. Each figure is the median of {@code repeats} runs after
 * a warm-up run; wall-clock and the thread's CPU time are both printed, because a shared machine slows the
 * first and not the second.
 *
 * <pre>java -Dai.djl.pytorch.num_threads=1 -cp ... org.sdvp.cli.models.BackendsBenchmark REPEATS CALLS SPEC...</pre>
 *
 * <p>The calls: studio-style scenes, each giving one whole-image call ("How many cubes are there?", the phrase
 * "red cube") and one per object on its crop (1.5 × its box: "What color is the sphere?", "small red metal
 * sphere"); LOC and MATCH use the phrases, VQA the questions.
 */
public final class BackendsBenchmark {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int[] BATCHES = {1, 32};

    private BackendsBenchmark() {}

    /** One call as programs make them: the image (a whole scene or a crop), a question and a phrase. */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: BackendsBenchmark REPEATS CALLS SPEC... (e.g. 5 64 torchscript:DIR vlm:DIR)");
            System.exit(2);
        }
        int repeats = Integer.parseInt(args[0]), n = Integer.parseInt(args[1]);
        List<WorldCalls.Call> calls = WorldCalls.make(n, 15);
        System.out.printf(
                Locale.ROOT,
                "calls=%d repeats=%d cores=%d pytorch threads=%s%n",
                n,
                repeats,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("ai.djl.pytorch.num_threads", "default"));
        for (int i = 2; i < args.length; i++) {
            try (ModelServices s = Backends.load(args[i], null)) {
                if (s.vqa().isPresent())
                    measure(
                            args[i],
                            "VQA",
                            s.vqa().get(),
                            repeats,
                            calls.stream()
                                    .map(c -> new VqaRequest(c.image(), c.question()))
                                    .toList());
                if (s.loc().isPresent())
                    measure(
                            args[i],
                            "LOC",
                            s.loc().get(),
                            repeats,
                            calls.stream()
                                    .map(c -> new LocRequest(c.image(), c.phrase()))
                                    .toList());
                if (s.match().isPresent())
                    measure(
                            args[i],
                            "MATCH",
                            s.match().get(),
                            repeats,
                            calls.stream()
                                    .map(c -> new MatchRequest(c.image(), c.phrase()))
                                    .toList());
            }
        }
    }

    private static <I, O> void measure(String spec, String kind, ModelService<I, O> s, int repeats, List<I> calls)
            throws ModelServiceException {
        for (int batch : BATCHES) {
            run(s, calls, batch); // warm-up
            double[] wall = new double[repeats], cpu = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime(), c0 = CPU.getCurrentThreadCpuTime();
                run(s, calls, batch);
                wall[r] = calls.size() / ((System.nanoTime() - t0) / 1e9);
                cpu[r] = calls.size() / ((CPU.getCurrentThreadCpuTime() - c0) / 1e9);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-52s %-5s batch %2d  median %8.1f calls/s wall  %8.1f calls/s per CPU-second%n",
                    spec,
                    kind,
                    batch,
                    median(wall),
                    median(cpu));
        }
    }

    /** Every call once, in batches of {@code batch}: prepared, then answered, as the dispatcher does. */
    private static <I, O> void run(ModelService<I, O> s, List<I> calls, int batch) throws ModelServiceException {
        for (int i = 0; i < calls.size(); i += batch) {
            List<I> b = calls.subList(i, Math.min(calls.size(), i + batch));
            List<Object> prepared = new ArrayList<>(b.size());
            for (I r : b) prepared.add(s.prepare(r));
            if (s.apply(b, prepared).size() != b.size())
                throw new IllegalStateException("a batch of " + b.size() + " got another number of answers");
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
