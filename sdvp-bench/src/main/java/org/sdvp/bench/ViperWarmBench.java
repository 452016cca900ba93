package org.sdvp.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.graalvm.polyglot.Context;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.viper.api.Prelude;
import org.sdvp.viper.runner.ViperRunner;
import org.sdvp.viper.sandbox.PythonSandbox;

/**
 * Measures the sandbox after a long warm-up, beside the JMH {@link ViperBench}: cold start, a fresh context on
 * the shared engine, the prelude, and the whole {@link CubeColour} program with zero-latency models (so every
 * millisecond is framework overhead), pooled or not, on 1, 2 and 4 threads. Run with
 * {@code java -cp "sdvp-bench/target/sdvp-bench.jar:sdvp-bench/target/lib/*" org.sdvp.bench.ViperWarmBench [warmup] [runs]}
 * after {@code bench/run}'s build; see docs/performance.md.
 */
public final class ViperWarmBench {
    private ViperWarmBench() {}

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        long t0 = System.nanoTime();
        PythonSandbox sandbox = new PythonSandbox();
        double cold = ms(t0);
        ViperRunner runner = new ViperRunner(sandbox, sandbox.limits(), 1);
        CubeColour models = CubeColour.create();
        var initial = CubeColour.initial();
        try (ModelGateway gw = new ModelGateway(models.services())) {
            t0 = System.nanoTime();
            runner.run(CubeColour.VIPER, initial, gw, Optional.of("q"));
            double first = ms(t0);
            for (int i = 0; i < warmup; i++) runner.run(CubeColour.VIPER, initial, gw, Optional.of("q"));

            List<Double> ctx = new ArrayList<>(), prelude = new ArrayList<>(), program = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long a = System.nanoTime();
                try (Context c = sandbox.newContext()) {
                    c.eval("python", "0");
                }
                ctx.add(ms(a));
                a = System.nanoTime();
                try (Context c = sandbox.newContext()) {
                    c.eval(Prelude.source());
                    c.eval(Prelude.session());
                }
                prelude.add(ms(a));
                a = System.nanoTime();
                var r = runner.run(CubeColour.VIPER, initial, gw, Optional.of("q"));
                program.add(ms(a));
                if (!r.execution().succeeded())
                    throw new IllegalStateException(r.execution().failure().toString());
            }
            System.out.printf("cold start (engine + first context): %.0f ms%n", cold);
            System.out.printf("first program after cold start:     %.0f ms%n", first);
            System.out.printf("after %d warm-up programs, median of %d:%n", warmup, runs);
            System.out.printf("  new context + trivial eval + close: %.1f ms%n", median(ctx));
            System.out.printf("  new context + API prelude and session loop + close: %.1f ms%n", median(prelude));
            System.out.printf(
                    "  whole program in a fresh context (find + simple_query, zero-latency models): %.1f ms%n",
                    median(program));

            var bean = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int perContext : new int[] {1, ViperRunner.DEFAULT_PROGRAMS_PER_CONTEXT}) {
                try (ViperRunner r = new ViperRunner(sandbox, sandbox.limits(), perContext)) {
                    for (int i = 0; i < warmup / 2; i++) r.run(CubeColour.VIPER, initial, gw, Optional.of("q"));
                    List<Double> single = new ArrayList<>(), cpu = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        long a = System.nanoTime(), c = bean.getCurrentThreadCpuTime();
                        r.run(CubeColour.VIPER, initial, gw, Optional.of("q"));
                        single.add(ms(a));
                        cpu.add((bean.getCurrentThreadCpuTime() - c) / 1e6);
                    }
                    System.out.printf(
                            "programs per context %d: median %.1f ms per program (CPU of the calling thread %.1f ms), "
                                    + "1 thread, %d contexts for %d programs%n",
                            perContext, median(single), median(cpu), r.contextCount(), r.runCount());
                    for (int threads : new int[] {2, 4}) {
                        ExecutorService pool = Executors.newFixedThreadPool(threads);
                        long b0 = models.batchSizes.size();
                        long a = System.nanoTime();
                        List<Future<?>> fs = new ArrayList<>();
                        for (int i = 0; i < runs; i++)
                            fs.add(pool.submit(() -> r.run(CubeColour.VIPER, initial, gw, Optional.of("q"))));
                        for (Future<?> f : fs) f.get();
                        double s = ms(a) / 1000;
                        pool.shutdown();
                        System.out.printf(
                                "  %d threads: %.1f programs/s (%.1f ms each amortised), %d batches for %d model calls%n",
                                threads, runs / s, s * 1000 / runs, models.batchSizes.size() - b0, 2L * runs);
                    }
                }
            }
        }
        sandbox.close();
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
