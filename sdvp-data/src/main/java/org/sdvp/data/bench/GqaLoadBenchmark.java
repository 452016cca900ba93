package org.sdvp.data.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.data.gqa.GqaExampleSource;
import org.sdvp.data.gqa.GqaQuestion;
import org.sdvp.data.gqa.GqaTask;
import org.sdvp.data.json.ObjectEntries;

/**
 * Questions loaded per second from a generated GQA-format questions file, and the peak heap while loading.
 * Each round opens the split (one pass binding and dropping every entry, to check it) and streams every
 * entry into an {@link Example}, converting its program; the opening pass is also timed alone. Run it in its own JVM with a fixed heap, e.g.:
 * <pre>
 * java -Xmx256m -cp "sdvp-cli/target/sdvp-cli.jar:sdvp-cli/target/lib/*" org.sdvp.data.bench.GqaLoadBenchmark 100000 5
 * </pre>
 * Arguments: entries (default 100000), rounds (default 5), folder (default a temporary one, deleted after).
 */
public final class GqaLoadBenchmark {
    private GqaLoadBenchmark() {}

    public static void main(String[] args) throws IOException, DataException {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path root = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("gqa-bench");
        Path file = root.resolve("questions/bench_balanced_questions.json");
        if (!Files.isRegularFile(file)) generate(file, entries);
        System.out.printf(Locale.ROOT, "file %s: %d entries, %.1f MB%n", file, entries, Files.size(file) / 1e6);
        List<Double> rates = new ArrayList<>();
        long peak = 0;
        for (int r = 0; r < rounds; r++) {
            System.gc();
            long scanStart = System.nanoTime();
            ObjectEntries.count(file, GqaQuestion.class);
            double scan = (System.nanoTime() - scanStart) / 1e9;
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            long n = 0, programs = 0;
            try (GqaExampleSource s = new GqaTask().open(root, "bench_balanced")) {
                while (s.hasNext()) {
                    Example e = s.next();
                    n++;
                    if (e.program().isPresent()) programs++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long roundPeak = peakHeap();
            peak = Math.max(peak, roundPeak);
            rates.add(n / seconds);
            System.out.printf(
                    Locale.ROOT,
                    "round %d: %d questions (%d programs) in %.2f s = %.0f q/s, peak heap %.1f MB"
                            + " (the opening pass alone: ~%.2f s)%n",
                    r + 1,
                    n,
                    programs,
                    seconds,
                    n / seconds,
                    roundPeak / 1e6,
                    scan);
        }
        Collections.sort(rates);
        System.out.printf(
                Locale.ROOT,
                "median %.0f questions/s over %d rounds; peak heap %.1f MB (max heap %.0f MB)%n",
                rates.get(rates.size() / 2),
                rounds,
                peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        if (args.length <= 2) {
            Files.delete(file);
            Files.delete(file.getParent());
            Files.delete(root);
        }
    }

    /** Entries shaped like the release's: every field, a three-step program, annotations. */
    static void generate(Path file, int entries) throws IOException {
        Files.createDirectories(file.getParent());
        String[] names = {"car", "man", "table", "dog", "cup", "tree", "bus", "hat"};
        String[] colors = {"white", "black", "red", "blue", "green"};
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            for (int i = 0; i < entries; i++) {
                String name = names[i % names.length], color = colors[i % colors.length];
                g.writeFieldName(String.format(Locale.ROOT, "%08d", i));
                g.writeStartObject();
                g.writeArrayFieldStart("semantic");
                op(g, "select", name + " (" + (1000 + i) + ")");
                op(g, "filter color", color, 0);
                op(g, "query", "name", 1);
                g.writeEndArray();
                g.writeArrayFieldStart("entailed");
                g.writeString(String.format(Locale.ROOT, "%08d", i + 1));
                g.writeEndArray();
                g.writeArrayFieldStart("equivalent");
                g.writeString(String.format(Locale.ROOT, "%08d", i));
                g.writeEndArray();
                g.writeStringField(
                        "question", "What is the " + color + " object that is to the left of the " + name + "?");
                g.writeStringField("imageId", Integer.toString(2_300_000 + i % 10_000));
                g.writeBooleanField("isBalanced", true);
                g.writeObjectFieldStart("groups");
                g.writeStringField("global", name);
                g.writeStringField("local", "12q-" + name + "_" + color);
                g.writeEndObject();
                g.writeStringField("answer", name);
                g.writeStringField(
                        "semanticStr",
                        "select: " + name + " (" + (1000 + i) + ")->filter color: " + color + " [0]->query: name [1]");
                g.writeObjectFieldStart("annotations");
                g.writeObjectFieldStart("answer");
                g.writeStringField("0", Integer.toString(1000 + i));
                g.writeEndObject();
                g.writeObjectFieldStart("question");
                g.writeEndObject();
                g.writeObjectFieldStart("fullAnswer");
                g.writeStringField("1", Integer.toString(1000 + i));
                g.writeEndObject();
                g.writeEndObject();
                g.writeObjectFieldStart("types");
                g.writeStringField("detailed", "categoryAttr");
                g.writeStringField("semantic", "cat");
                g.writeStringField("structural", "query");
                g.writeEndObject();
                g.writeStringField("fullAnswer", "The " + color + " object is a " + name + ".");
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }

    private static void op(JsonGenerator g, String operation, String argument, int... deps) throws IOException {
        g.writeStartObject();
        g.writeStringField("operation", operation);
        g.writeArrayFieldStart("dependencies");
        for (int d : deps) g.writeNumber(d);
        g.writeEndArray();
        g.writeStringField("argument", argument);
        g.writeEndObject();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound on the live peak). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null)
                sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }
}
