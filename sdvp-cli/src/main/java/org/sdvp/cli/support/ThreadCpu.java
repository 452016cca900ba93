package org.sdvp.cli.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this process so far by thread group (program threads, each model thread, JIT compilers,
 * garbage collector, the rest), read from Linux's {@code /proc/self/task}: it includes the JVM's own
 * threads, which {@link java.lang.management.ThreadMXBean} does not see. For {@code --profile}; elsewhere
 * (no {@code /proc}) it reports nothing.
 */
final class ThreadCpu {
    private ThreadCpu() {}

    /** Seconds of user + system CPU per thread group, largest first; empty when unavailable. */
    static String report() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) return "";
        long ticksPerSecond = 100; // USER_HZ on every Linux this runs on
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) list::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    // the name is in parentheses and may contain spaces: fields follow the last ')'
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                    ticks.merge(group(name), used, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read: it is simply not counted
                }
            }
        } catch (IOException e) {
            return "";
        }
        StringBuilder b = new StringBuilder("process CPU by thread group (whole process so far, JVM start included):");
        ticks.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() > 0)
                .forEach(e -> b.append(
                        String.format(Locale.ROOT, " %s %.2f s;", e.getKey(), e.getValue() / (double) ticksPerSecond)));
        return b.append(System.lineSeparator()).toString();
    }

    private static String group(String name) {
        if (name.startsWith("sdvp-eval")) return "programs";
        if (name.startsWith("sdvp-batch-")) return "model " + name.substring("sdvp-batch-".length());
        if (name.startsWith("C1 Comp") || name.startsWith("C2 Comp")) return "JIT";
        if (name.startsWith("GC ") || name.startsWith("G1 ")) return "GC";
        if (name.equals("java")) return "main";
        if (name.startsWith("ProgressBar")) return "progress bar";
        return "other";
    }
}
