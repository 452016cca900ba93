package org.sdvp.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.sdvp.core.evaluation.ExampleSource;

/**
 * What the executors run: the command's arguments (paths made absolute), the work folder, and the question
 * ranges of the partitions. Shipped to every executor, so it holds strings and numbers only.
 *
 * @param jobId      this run of the driver; executors open their backends once per job id
 * @param kind       eval or collect
 * @param args       the command's arguments, parsed again on each executor ({@link JobArgs})
 * @param workDir    the partitions' folder ({@code OUT.spark}), on a path every executor sees
 * @param partitions question ranges, in question order
 * @param questionLines how many of the split's first questions keep their {@code QuestionTraces} line (eval
 *                   writes {@code FILE-STEM.questions.jsonl.gz} with at most that many; 0 for none)
 */
public record JobPlan(
        String jobId, Kind kind, List<String> args, String workDir, List<Range> partitions, int questionLines)
        implements Serializable {

    public enum Kind {
        EVAL,
        COLLECT
    }

    /**
     * Questions {@code from} (0-based, in the split's order) to {@code from + count}.
     *
     * @param start where question {@code from} is in the split's files ({@link ExampleSource#position()}, from
     *              the driver's reading of the split's index), so the partition opens the split there; null when
     *              the task's sources report no positions (the partition then reads past the questions before)
     */
    public record Range(long from, int count, String start) implements Serializable {
        Range withStart(String position) {
            return new Range(from, count, position);
        }
    }

    public JobPlan {
        args = List.copyOf(args);
        partitions = List.copyOf(partitions);
    }

    /** {@code questions} split into {@code parts} contiguous ranges of near-equal size (none empty). */
    public static List<Range> ranges(long questions, int parts) {
        int n = (int) Math.max(1, Math.min(parts, questions));
        List<Range> out = new ArrayList<>(n);
        long from = 0;
        for (int i = 0; i < n; i++) {
            long to = questions * (i + 1) / n;
            out.add(new Range(from, Math.toIntExact(to - from), null));
            from = to;
        }
        return questions == 0 ? List.of() : out;
    }

    public long questions() {
        return partitions.stream().mapToLong(Range::count).sum();
    }
}
