package org.sdvp.distill.label;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.ServiceLoader;
import org.sdvp.core.io.DataException;

/**
 * Pseudo-labelling a calls file on a cluster ({@code distill --spark MASTER}, {@code experiment --spark MASTER}):
 * the same {@link PseudoLabeler} on parts of the file, run where the cluster runs them, giving the {@link Labelled}
 * the local path gives. Implemented by sdvp-spark and found with {@link ServiceLoader}, so sdvp-distill neither
 * depends on nor loads Spark: the {@code ./sdvp} launcher puts sdvp-spark and Spark's jars on the class path only
 * when {@code --spark} is given.
 */
public interface ClusterLabeler {

    /**
     * Where to label: a Spark master ({@code local[N]}, {@code spark://HOST:PORT}) and how many parts the calls are
     * cut into (null: the cluster's default, 4 per executor core).
     */
    record On(String master, Integer partitions) {
        public On {
            Objects.requireNonNull(master, "master");
            if (partitions != null && partitions < 1)
                throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
    }

    /**
     * One labelling job.
     *
     * @param on      the cluster
     * @param calls   the calls file (sorted by question, as {@code collect} writes it), on a path every executor sees
     * @param teacher the teacher's checkpoint folder, likewise
     * @param student the student's checkpoint folder (its answer vocabulary and grid), likewise
     * @param options the filter and confidence threshold
     * @param work    the job's folder of finished parts (a re-run skips them)
     * @param log     progress and the resume line (null for none)
     */
    record Job(On on, Path calls, Path teacher, Path student, LabelOptions options, Path work, PrintStream log) {
        public Job {
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(calls, "calls");
            Objects.requireNonNull(teacher, "teacher");
            Objects.requireNonNull(student, "student");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(work, "work");
        }
    }

    /** The labels of every call, as {@code new PseudoLabeler(teacher, student, options).label(calls)} gives them. */
    Labelled label(Job job) throws Exception;

    /** The installed labeller, or a usage error saying how to get one. */
    static ClusterLabeler find() throws DataException {
        return ServiceLoader.load(ClusterLabeler.class)
                .findFirst()
                .orElseThrow(() -> new DataException(
                        "--spark needs the sdvp-spark module and Spark's jars on the class path; run through the ./sdvp "
                                + "launcher, which adds them for --spark"));
    }
}
