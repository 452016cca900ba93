package org.sdvp.distill.stage;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.sdvp.distill.label.DistillSet;
import org.sdvp.distill.label.LabelOptions;
import org.sdvp.distill.label.Labelled;
import org.sdvp.models.train.SubTaskSet;

/**
 * Pseudo-labels, general replay sets and calibration scenes kept in memory between the stages of one process. In an
 * experiment most stages share them: the three seeds and the ablations of a target label the same calls
 * with the same teacher for the same S0, and every first-stage of a seed replays the same general scenes
 * labelled by S0. Both are deterministic functions of their key, so reusing them changes no result; it
 * saves the teacher's and S_prev's forward passes (about two of the demo's twenty minutes).
 *
 * <p>Keys name checkpoints and files by path: a caller that rewrites a checkpoint or a calls file under the
 * same path within one process must use a fresh memo ({@link #none()} never remembers).
 */
public final class StageMemo {
    /** What decides a stage's pseudo-labels. */
    record LabelKey(Path teacher, Path student, Path calls, LabelOptions options) {}

    /** What decides a general replay set. */
    record ReplayKey(Path student, int scenes, long seed) {}

    /** What decides the validation scenes a stage's grounding threshold is chosen on. */
    record CalibrationKey(long seed) {}

    private final Map<Object, Object> values;

    private StageMemo(Map<Object, Object> values) {
        this.values = values;
    }

    /** A memo that remembers everything it computed. */
    public static StageMemo remembering() {
        return new StageMemo(new ConcurrentHashMap<>());
    }

    /** A memo that computes every time (one stage on its own). */
    public static StageMemo none() {
        return new StageMemo(null);
    }

    Labelled labels(StageSpec spec, Path callsFile, Callable<Labelled> compute) throws Exception {
        return get(
                new LabelKey(abs(spec.teacher()), abs(spec.student()), abs(callsFile), spec.labels()),
                Labelled.class,
                compute);
    }

    DistillSet generalReplay(StageSpec spec, Callable<DistillSet> compute) throws Exception {
        return get(
                new ReplayKey(
                        abs(spec.student()), spec.replayScenes(), spec.config().seed()),
                DistillSet.class,
                compute);
    }

    SubTaskSet calibrationScenes(long seed, Callable<SubTaskSet> compute) throws Exception {
        return get(new CalibrationKey(seed), SubTaskSet.class, compute);
    }

    /** How many values are remembered (for tests). */
    int size() {
        return values == null ? 0 : values.size();
    }

    private <T> T get(Object key, Class<T> type, Callable<T> compute) throws Exception {
        if (values == null) return compute.call();
        Object v = values.get(key);
        if (v == null) {
            v = compute.call();
            values.put(key, v);
        }
        return type.cast(v);
    }

    private static Path abs(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
