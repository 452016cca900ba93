package org.sdvp.spark;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.sdvp.core.service.BackendException;
import org.sdvp.distill.label.PseudoLabeler;
import org.sdvp.models.teacher.TeacherModel;
import org.sdvp.models.train.DjlSetup;
import org.sdvp.models.vlm.VlmModel;

/**
 * The teacher and student an executor JVM loads for a label job, once per task it runs at the same time: a
 * partition takes an idle pair or loads one, and gives it back when done, so concurrent partitions never share
 * a model (DJL predictors are not thread-safe) and later partitions reuse the loaded ones.
 */
final class LabelModels {
    /** A loaded teacher and student. */
    record Pair(TeacherModel teacher, VlmModel student) implements AutoCloseable {
        PseudoLabeler labeler(LabelPlan plan) {
            return new PseudoLabeler(teacher, student, plan.options());
        }

        @Override
        public void close() {
            teacher.close();
            student.close();
        }
    }

    private static String jobId;
    private static final Deque<Pair> idle = new ArrayDeque<>();
    private static final List<Pair> loaded = new ArrayList<>();

    private LabelModels() {}

    static Pair take(LabelPlan plan) throws BackendException {
        synchronized (LabelModels.class) {
            // jobs of one driver run one after another: a new job id means the previous job is over
            if (!plan.jobId().equals(jobId)) {
                closeAll();
                jobId = plan.jobId();
            }
            Pair p = idle.poll();
            if (p != null) return p;
        }
        DjlSetup.configure(); // an executor JVM of a cluster has not run the command line's set-up
        TeacherModel teacher = TeacherModel.load(Path.of(plan.teacher()));
        VlmModel student;
        try {
            student = VlmModel.load(Path.of(plan.student()));
        } catch (BackendException | RuntimeException e) {
            teacher.close();
            throw e;
        }
        Pair p = new Pair(teacher, student);
        synchronized (LabelModels.class) {
            loaded.add(p);
        }
        return p;
    }

    static synchronized void give(LabelPlan plan, Pair p) {
        if (plan.jobId().equals(jobId)) idle.push(p);
    }

    /** Closes every loaded pair (the driver calls it after a local-mode job: the executors are its threads). */
    static synchronized void closeAll() {
        for (Pair p : loaded) {
            try {
                p.close();
            } catch (RuntimeException e) {
                System.err.println("sdvp-spark: closing a teacher or student failed: " + e.getMessage());
            }
        }
        loaded.clear();
        idle.clear();
        jobId = null;
    }
}
