package org.sdvp.serve.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.sdvp.serve.ServeApp;
import org.sdvp.serve.pages.Url;
import org.sdvp.serve.runs.ExperimentRun;
import org.sdvp.serve.sample.SampleExperiment;

/**
 * {@code sdvp serve bench}: page-load times of a synthetic experiment of {@code rows × tasks} cells with
 * {@code questions} questions each, served on 127.0.0.1: the time from sending a GET to having read the whole
 * page, per page kind. "cold" loads ask for a cell whose files the server has not read yet (every row × task
 * once); "warm" loads repeat one page.
 */
public final class PageBench {
    /**
     * One kind of page: wall-clock times of its loads, and the CPU time this process spent per load (server and
     * client threads, GC and JIT included): on a shared, loaded machine the wall clock mostly measures waiting
     * for a core, the CPU time what a page costs.
     */
    public record Result(
            String page, int loads, double medianMs, double p90Ms, double maxMs, double cpuMsPerLoad, int bytes) {}

    private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    private PageBench(String base) {
        this.base = base;
    }

    /**
     * Writes the sample into {@code dir}, serves it, measures, prints a table to {@code out}. {@code images}
     * source images per task: with 8 (the tests' fixture) questions share images, so a first-drawn rationale
     * finds most of its thumbnails already drawn (sdvp-core's {@code Thumbnails} keeps them by content); with
     * as many images as questions it draws each of its own, as on a real run.
     */
    public static List<Result> run(
            Path dir, int rows, int tasks, int questions, int images, int repeat, PrintWriter out) throws Exception {
        SampleExperiment sample = SampleExperiment.sized(rows, tasks, questions, images);
        long t0 = System.nanoTime();
        sample.write(dir.resolve("exp"));
        out.printf(
                Locale.ROOT,
                "wrote %d rows x %d tasks x %d questions (%d source images per task) in %.1f s%n",
                rows,
                tasks,
                questions,
                images,
                (System.nanoTime() - t0) / 1e9);
        List<Result> results = new ArrayList<>();
        try (ServeApp app = ServeApp.start(dir, "127.0.0.1", 0)) {
            PageBench b = new PageBench(app.url().replaceFirst("/$", ""));
            String task0 = sample.tasks().get(0),
                    row = ExperimentRun.folder(sample.rows().get(2));
            List<String> cold = new ArrayList<>();
            for (String r : sample.rows().subList(1, sample.rows().size())) {
                for (String t : sample.tasks()) cold.add(questions(ExperimentRun.folder(r), t, null));
            }
            results.add(b.measure("questions, cold (each row x task once)", cold));
            results.add(b.repeat("runs index", "/", repeat));
            results.add(b.repeat(
                    "experiment table", Url.of("/experiment").with("run", "exp").toString(), repeat));
            results.add(b.repeat("questions, all", questions(row, task0, null), repeat));
            results.add(b.repeat("questions, fixed only", questions(row, task0, "fixed"), repeat));
            String q = Url.of("/question")
                    .with("run", "exp")
                    .with("a", "baseline")
                    .with("b", row)
                    .with("task", task0)
                    .with("id", task0 + "-00001")
                    .toString();
            results.add(b.repeat("question (two rows)", q, repeat));
            // each rationale is drawn once per file version, then served from memory: time both
            List<String> firstDrawn = new ArrayList<>();
            for (int i = 2; i < Math.min(questions, 2 + repeat); i++) firstDrawn.add(trace(row, task0, i));
            results.add(b.measure("rationale, first drawn (each once)", firstDrawn));
            results.add(b.repeat("rationale (trace frame)", trace(row, task0, 1), repeat));
            results.add(b.repeat(
                    "stage",
                    Url.of("/stage")
                            .with("run", "exp/stages/seed-1/sdvp-" + task0)
                            .toString(),
                    repeat));
        }
        out.printf(
                Locale.ROOT,
                "%-42s %6s %10s %8s %8s %12s %9s%n",
                "page",
                "loads",
                "median ms",
                "p90 ms",
                "max ms",
                "CPU ms/load",
                "KiB");
        for (Result r : results) {
            out.printf(
                    Locale.ROOT,
                    "%-42s %6d %10.1f %8.1f %8.1f %12.1f %9.1f%n",
                    r.page(),
                    r.loads(),
                    r.medianMs(),
                    r.p90Ms(),
                    r.maxMs(),
                    r.cpuMsPerLoad(),
                    r.bytes() / 1024.0);
        }
        out.flush();
        return results;
    }

    private static String trace(String row, String task, int question) {
        return Url.of("/trace")
                .with("run", "exp")
                .with("row", row)
                .with("task", task)
                .with("id", task + "-" + String.format(Locale.ROOT, "%05d", question))
                .toString();
    }

    private static String questions(String row, String task, String outcome) {
        return Url.of("/questions")
                .with("run", "exp")
                .with("a", "baseline")
                .with("b", row)
                .with("task", task)
                .with("outcome", outcome)
                .toString();
    }

    private Result repeat(String name, String path, int times) throws Exception {
        for (int i = 0; i < 3; i++) load(path); // warm-up: class loading, JIT, the server's file cache
        return measure(name, Collections.nCopies(times, path));
    }

    private Result measure(String name, List<String> paths) throws Exception {
        List<Double> ms = new ArrayList<>();
        int bytes = 0;
        long cpu0 = OS.getProcessCpuTime();
        for (String p : paths) {
            long t = System.nanoTime();
            bytes = load(p);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        double cpuMs = (OS.getProcessCpuTime() - cpu0) / 1e6 / paths.size();
        Collections.sort(ms);
        return new Result(
                name,
                ms.size(),
                ms.get(ms.size() / 2),
                ms.get((int) Math.min(ms.size() - 1, Math.ceil(ms.size() * 0.9) - 1)),
                ms.get(ms.size() - 1),
                cpuMs,
                bytes);
    }

    private int load(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw new IOException(path + " answered " + r.statusCode());
        return r.body().length;
    }

    /** Removes a folder the benchmark wrote (its temporary experiment). */
    public static void delete(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList())
                java.nio.file.Files.deleteIfExists(p);
        }
    }
}
