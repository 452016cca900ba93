package org.sdvp.serve.runs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the runs under the runs folder: experiment folders ({@code report.json} or an {@code eval/} tree),
 * stage folders ({@code stage.json}) and single evaluations ({@code results.json} of {@code sdvp eval}).
 * The folders that only hold inputs (data, checkpoints, training state) are not searched.
 */
public final class RunIndex {
    public enum Kind {
        EXPERIMENT,
        STAGE,
        EVAL
    }

    /** @param path relative to the runs folder */
    public record Entry(Kind kind, String path, long modifiedMillis) {}

    static final int MAX_DEPTH = 6;
    private static final Set<String> SKIPPED =
            Set.of("data", "student", "teachers", "state", "images", "examples", "target", ".git", "node_modules");

    private RunIndex() {}

    public static List<Entry> scan(RunFiles files) {
        List<Entry> out = new ArrayList<>();
        Path root = files.root();
        try {
            Files.walkFileTree(
                    root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(root)
                                    && SKIPPED.contains(dir.getFileName().toString()))
                                return FileVisitResult.SKIP_SUBTREE;
                            if (isExperiment(dir)) {
                                out.add(entry(Kind.EXPERIMENT, dir, attrs));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (StageRun.isStage(dir)) {
                                out.add(entry(Kind.STAGE, dir, attrs));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile()
                                    && file.getFileName().toString().endsWith(".json")
                                    && isEvalResult(file)) {
                                out.add(entry(Kind.EVAL, file, attrs));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }

                        private Entry entry(Kind kind, Path p, BasicFileAttributes attrs) {
                            return new Entry(
                                    kind,
                                    files.relative(p),
                                    attrs.lastModifiedTime().toMillis());
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        return out;
    }

    public static boolean isExperiment(Path dir) {
        return Files.isRegularFile(dir.resolve("report.json"))
                || Files.isDirectory(dir.resolve("eval")) && Files.isDirectory(dir.resolve("stages"));
    }

    /** A {@code results.json} of {@code sdvp eval}: its first bytes name the task, split and metric. */
    public static boolean isEvalResult(Path file) {
        byte[] head = new byte[2048];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return false;
        }
        String s = new String(head, 0, n, StandardCharsets.UTF_8);
        return s.stripLeading().startsWith("{")
                && s.contains("\"task\"")
                && s.contains("\"split\"")
                && s.contains("\"metric\"");
    }
}
