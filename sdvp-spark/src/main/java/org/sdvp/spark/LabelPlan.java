package org.sdvp.spark;

import java.io.Serializable;
import java.util.List;
import org.sdvp.distill.label.LabelOptions;

/**
 * What the executors run for {@code --spark} labelling: where the calls, the teacher and the student are, the
 * label options, the work folder and the parts of the calls file. Shipped to every executor, so it holds strings,
 * numbers and the (serializable) label options only.
 *
 * @param jobId                this run of the driver; executors open their models once per job id
 * @param calls                the calls file (absolute)
 * @param teacher              the teacher's checkpoint folder (absolute)
 * @param student              the student's checkpoint folder (absolute)
 * @param options              how calls become labels
 * @param workDir              the partitions' folder
 * @param partitions           line ranges of the calls file, in file order
 */
record LabelPlan(
        String jobId,
        String calls,
        String teacher,
        String student,
        LabelOptions options,
        String workDir,
        List<Lines> partitions)
        implements Serializable {

    /**
     * Lines {@code first} (0-based) to {@code first + count} of the calls file; line {@code first} starts at byte
     * {@code offset}.
     */
    record Lines(long first, int count, long offset) implements Serializable {}

    LabelPlan {
        partitions = List.copyOf(partitions);
    }
}
