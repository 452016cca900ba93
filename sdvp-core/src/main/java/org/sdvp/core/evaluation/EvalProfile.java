package org.sdvp.core.evaluation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sdvp.core.service.DispatchStats;

/**
 * Where an evaluation's time went, as the flat counters of {@link EvalResult#batching()} (microseconds
 * unless named otherwise) and as a readable breakdown:
 * <ul>
 *   <li>on the program threads: loading images, and running programs — of which waiting for the models,
 *       preparing model inputs ({@link org.sdvp.core.service.ModelService#prepare}), and the rest
 *       (interpreter, crops, trace records);</li>
 *   <li>on each model thread: batches, their mean and largest size, busy wall-clock and CPU time.</li>
 * </ul>
 * Program-thread times are summed over threads, so with many programs at once they exceed the wall-clock
 * time; the model threads' busy time against the wall-clock time says how close the run is to the models'
 * own speed.
 */
public final class EvalProfile {
    private EvalProfile() {}

    /** The counters of a run: dispatcher deltas per kind plus the program threads' sums (nanoseconds in). */
    static Map<String, Long> counters(
            Map<String, DispatchStats> before,
            Map<String, DispatchStats> after,
            long loadNanos,
            long programNanos,
            long programCpuNanos) {
        Map<String, Long> out = new LinkedHashMap<>();
        long batches = 0, requests = 0;
        Map<String, Long> perKind = new LinkedHashMap<>();
        for (var e : after.entrySet()) {
            DispatchStats d = e.getValue().since(before.getOrDefault(e.getKey(), DispatchStats.NONE));
            batches += d.batches();
            requests += d.requests();
            if (d.requests() == 0) continue;
            String k = e.getKey() + ".";
            perKind.put(k + "batches", d.batches());
            perKind.put(k + "requests", d.requests());
            perKind.put(k + "largestBatch", (long) d.largestBatch());
            perKind.put(k + "modelMicros", d.busyNanos() / 1000);
            perKind.put(k + "modelCpuMicros", d.busyCpuNanos() < 0 ? -1 : d.busyCpuNanos() / 1000);
            perKind.put(k + "prepareMicros", d.prepareNanos() / 1000);
            perKind.put(k + "waitMicros", d.waitNanos() / 1000);
        }
        out.put("batches", batches);
        out.put("requests", requests);
        out.put("loadImagesMicros", loadNanos / 1000);
        out.put("programMicros", programNanos / 1000);
        out.put("programCpuMicros", programCpuNanos / 1000);
        out.putAll(perKind);
        return out;
    }

    /** A few lines for a terminal; empty when the result carries no breakdown (an older results.json). */
    public static String format(EvalResult r) {
        Map<String, Long> c = r.batching();
        if (c == null || !c.containsKey("programMicros")) return "";
        int n = Math.max(1, r.count());
        double wallMs = r.seconds() * 1000;
        long wait = 0, prepare = 0;
        StringBuilder models = new StringBuilder();
        for (String kind : new String[] {"loc", "vqa", "match"}) {
            Long reqs = c.get(kind + ".requests");
            if (reqs == null) continue;
            long batches = c.get(kind + ".batches");
            long busy = c.get(kind + ".modelMicros"), cpu = c.get(kind + ".modelCpuMicros");
            wait += c.get(kind + ".waitMicros");
            prepare += c.get(kind + ".prepareMicros");
            models.append(String.format(
                    Locale.ROOT,
                    "  model %-5s %6d requests in %5d batches (mean %.1f, largest %d): busy %.0f ms (%.0f%% of wall), "
                            + "CPU %s, %.0f µs per request%n",
                    kind,
                    reqs,
                    batches,
                    reqs / (double) batches,
                    c.get(kind + ".largestBatch"),
                    busy / 1e3,
                    100 * busy / 1e3 / wallMs,
                    cpu < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f ms", cpu / 1e3),
                    busy / (double) reqs));
        }
        long load = c.get("loadImagesMicros"), program = c.get("programMicros");
        long programCpu = c.getOrDefault("programCpuMicros", 0L), modelCpu = 0;
        for (String kind : new String[] {"loc", "vqa", "match"})
            modelCpu += Math.max(0, c.getOrDefault(kind + ".modelCpuMicros", 0L));
        long rest = program - wait - prepare;
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "time per question (program threads, summed over threads; wall %.1f ms/q):%n",
                wallMs / n));
        b.append(String.format(Locale.ROOT, "  load images %8.2f ms%n", load / 1e3 / n));
        b.append(String.format(
                Locale.ROOT,
                "  run program %8.2f ms = waiting for models %.2f + preparing model inputs %.2f"
                        + " + interpreter, crops, trace and waiting for a CPU slot %.2f%n",
                program / 1e3 / n,
                wait / 1e3 / n,
                prepare / 1e3 / n,
                rest / 1e3 / n));
        b.append(models);
        b.append(String.format(
                Locale.ROOT,
                "  CPU per question: program threads %.2f ms (loading, preparing, interpreter, "
                        + "hand-offs), model threads %.2f ms%n",
                programCpu / 1e3 / n,
                modelCpu / 1e3 / n));
        return b.toString();
    }
}
