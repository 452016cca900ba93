package org.sdvp.distill.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sdvp.core.io.Json;
import org.sdvp.distill.stage.StageSpec;

/**
 * Runs stages (and teachers, {@link #models()}) in up to {@code n} worker JVMs ({@link StageWorker}), one stage per worker at a time. Stages
 * need their own process to run side by side: DJL's PyTorch engine lets one gradient collector record per
 * process. Each worker is started with this JVM's options (so {@code -Dai.djl.pytorch.num_threads=1} and
 * the offline settings carry over: one PyTorch thread per stage, no oversubscription) and keeps its own
 * pseudo-label and replay memo across the stages it runs. Its standard error is forwarded to the log,
 * each line prefixed with the worker's number.
 */
final class StageWorkers implements StageRunner {
    private final int max;
    private final List<String> command;
    private final BlockingQueue<Worker> idle = new LinkedBlockingQueue<>();
    private final List<Worker> started = new ArrayList<>();

    private StageWorkers(int max, List<String> command) {
        this.max = max;
        this.command = List.copyOf(command);
    }

    /** Workers are started when first needed, up to {@code n}. */
    static StageWorkers start(int n) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(StageWorker.class.getName());
        StageWorkers w = new StageWorkers(n, cmd);
        // an interrupted experiment takes its workers with it (they also end when this process does)
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            synchronized (w.started) {
                                w.started.forEach(x -> x.process.destroyForcibly());
                            }
                        },
                        "sdvp-stage-workers-stop"));
        return w;
    }

    @Override
    public int maxParallel() {
        return max;
    }

    @Override
    public StageSummary run(StagePlan plan, StageSpec spec, PrintStream log) throws Exception {
        String what = "stage " + plan.id() + " (seed " + plan.seed() + ")";
        return call(
                log,
                what,
                summary -> StageWorker.Request.stage(plan, spec, summary),
                summary -> Json.mapper().readValue(summary.toFile(), StageSummary.class));
    }

    /**
     * S0 is pretrained in this process (one model); teachers are trained in the workers, so the targets'
     * teachers train side by side. Each worker seeds PyTorch's generator when it creates a teacher, as the
     * CLI does, so a teacher is the same whichever worker trains it.
     */
    ModelBuilder models() {
        ModelBuilder here = ModelBuilder.training();
        return new ModelBuilder() {
            @Override
            public void pretrain(String preset, long seed, Path out, PrintStream log) throws Exception {
                here.pretrain(preset, seed, out, log);
            }

            @Override
            public void teacher(String task, String preset, long seed, Path out, PrintStream log) throws Exception {
                call(
                        log,
                        "teacher " + task,
                        summary -> new StageWorker.Request(
                                null,
                                null,
                                new StageWorker.TeacherJob(task, preset, seed, out.toAbsolutePath()),
                                summary),
                        summary -> null);
            }

            @Override
            public int maxParallel() {
                return max;
            }
        };
    }

    private interface Io<A, B> {
        B apply(A a) throws IOException;
    }

    /** Sends a request to an idle worker and reads its answer; a worker that failed is stopped. */
    private <T> T call(PrintStream log, String what, Io<Path, StageWorker.Request> request, Io<Path, T> answer)
            throws Exception {
        Worker w = take(log);
        boolean healthy = false;
        try {
            T t = w.call(what, request, answer, log);
            healthy = true;
            return t;
        } finally {
            if (healthy) idle.add(w);
            else w.stop();
        }
    }

    private Worker take(PrintStream log) throws IOException, InterruptedException {
        Worker w = idle.poll();
        if (w != null) return w;
        synchronized (started) {
            started.removeIf(x -> !x.process.isAlive());
            if (started.size() < max) {
                Worker fresh = new Worker(started.size() + 1, new ProcessBuilder(command).start(), log);
                started.add(fresh);
                return fresh;
            }
        }
        return idle.take();
    }

    @Override
    public void close() {
        synchronized (started) {
            for (Worker w : started) w.stop();
            started.clear();
        }
    }

    private static final class Worker {
        final int number;
        final Process process;
        final Writer requests;
        final BufferedReader answers;
        volatile PrintStream log;

        Worker(int number, Process process, PrintStream log) {
            this.number = number;
            this.process = process;
            this.log = log;
            this.requests = process.outputWriter(StandardCharsets.UTF_8);
            this.answers = process.inputReader(StandardCharsets.UTF_8);
            Thread errors = new Thread(
                    () -> {
                        try (BufferedReader r = new BufferedReader(
                                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                            for (String line; (line = r.readLine()) != null; )
                                this.log.println("[stage worker " + number + "] " + line);
                        } catch (IOException e) {
                            // the worker ended: nothing more to forward
                        }
                    },
                    "sdvp-stage-worker-" + number + "-log");
            errors.setDaemon(true);
            errors.start();
        }

        <T> T call(String what, Io<Path, StageWorker.Request> make, Io<Path, T> answer, PrintStream log)
                throws Exception {
            this.log = log;
            Path dir = Files.createTempDirectory("sdvp-stage-");
            try {
                Path request = dir.resolve("request.json"), summary = dir.resolve("summary.json");
                Json.write(request, make.apply(summary));
                requests.write(request.toAbsolutePath() + "\n");
                requests.flush();
                String reply = answers.readLine();
                if (reply == null) {
                    throw new IOException("stage worker " + number + " ended while running " + what + ", exit code "
                            + exitCode() + "; its output is in the log above");
                }
                if (!reply.equals("ok")) {
                    throw new IllegalStateException(
                            what + " failed in stage worker " + number + ": " + reply.replaceFirst("^error ", ""));
                }
                return answer.apply(summary);
            } finally {
                ExperimentData.deleteTree(dir);
            }
        }

        private String exitCode() throws InterruptedException {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "unknown";
        }

        void stop() {
            try {
                requests.close(); // end of input: the worker exits after its current stage
                if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroy();
            } catch (IOException | InterruptedException e) {
                process.destroy();
            }
        }
    }
}
