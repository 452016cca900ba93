package org.sdvp.distill.stage;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sdvp.core.service.ServiceKind;
import org.sdvp.distill.label.ClusterLabeler;
import org.sdvp.distill.label.LabelOptions;
import org.sdvp.distill.train.DistillConfig;

/**
 * One SDVP stage (SDVP.md, "One stage"): target task T, previous student S_prev → S_new. Built with
 * {@link #builder} (the defaults named below, then what differs).
 *
 * @param task          the target task: a world task, or a real dataset (gqa, nlvr2, clevr) on disk
 * @param data          the task's data folder holding {@code split} (a world task's is generated there when missing;
 *                      a dataset's root)
 * @param framework     the framework whose programs are traced ({@code visprog} or {@code viper})
 * @param split         the split whose programs are traced (train)
 * @param questions     how many of its questions to trace (and to generate when missing)
 * @param student       S_prev's checkpoint folder
 * @param teacher       the task teacher's checkpoint folder, or any {@code --modules} chain ({@link StageTeacher})
 * @param out           where S_new, its state and the stage's files go
 * @param calls         pre-collected calls ({@code calls.jsonl} of an earlier stage on the same task, teacher and
 *                      student) to reuse, or null to collect
 * @param teacherDriven trace with {@code teacher:T,vlm:S} (default) or with the student alone
 * @param labels        answer-consistent filter and confidence threshold
 * @param kinds         the sub-tasks to distil (module-subset ablation)
 * @param dataFraction  share of the labelled targets to keep (data-size ablation), in (0, 1]
 * @param replayScenes  general-data scenes whose sub-task calls, labelled by S_prev, are replayed (0: none)
 * @param replayCalls   earlier stages' {@code calls.jsonl} files, replayed too (sequential SDVP)
 * @param replayFolder  a general data folder (GQA, CLEVR or NLVR2 layout) whose programs' calls, made by S_prev and
 *                      labelled by it, are replayed too (null: none)
 * @param config        loss and optimisation
 * @param resume        continue from {@code out}'s last checkpoint
 * @param labelOn       pseudo-label on this cluster ({@code --spark}; {@link ClusterLabeler}), or null for this JVM;
 *                      the labels are the same
 */
public record StageSpec(
        String task,
        Path data,
        String framework,
        String split,
        int questions,
        Path student,
        Path teacher,
        Path out,
        Path calls,
        boolean teacherDriven,
        LabelOptions labels,
        Set<ServiceKind> kinds,
        double dataFraction,
        int replayScenes,
        List<Path> replayCalls,
        ReplayFolder replayFolder,
        DistillConfig config,
        boolean resume,
        ClusterLabeler.On labelOn) {
    /** Traced programs: VisProg's. */
    public static final String DEFAULT_FRAMEWORK = "visprog";
    /** The split whose programs are traced. */
    public static final String TRAIN = "train";
    /** Training questions traced (and generated when missing). */
    public static final int DEFAULT_QUESTIONS = 1000;

    /**
     * A general folder replayed: the first {@code questions} of {@code dataset}'s {@code split} under {@code root}
     * ({@code --replay-dataset clevr --replay-root DIR --replay-split train --replay-questions N}).
     */
    public record ReplayFolder(String dataset, Path root, String split, int questions) {
        public ReplayFolder {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(split, "split");
            if (questions < 1) throw new IllegalArgumentException("questions must be at least 1: " + questions);
        }
    }

    public StageSpec {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(out, "out");
        kinds = Set.copyOf(kinds);
        replayCalls = List.copyOf(replayCalls);
        if (!(dataFraction > 0 && dataFraction <= 1))
            throw new IllegalArgumentException("dataFraction must be in (0, 1]");
    }

    /**
     * A stage with the defaults: data in {@code out/data}, VisProg programs of {@value #DEFAULT_QUESTIONS} train
     * questions, collected teacher-driven, every sub-task, the answer-consistent filter, all the labelled data,
     * no replay, not resumed.
     */
    public static Builder builder(String task, Path student, Path teacher, Path out, DistillConfig config) {
        return new Builder(task, student, teacher, out, config);
    }

    public Builder toBuilder() {
        return new Builder(task, student, teacher, out, config)
                .data(data)
                .framework(framework)
                .split(split)
                .questions(questions)
                .calls(calls)
                .teacherDriven(teacherDriven)
                .labels(labels)
                .kinds(kinds)
                .dataFraction(dataFraction)
                .replayScenes(replayScenes)
                .replayCalls(replayCalls)
                .replayFolder(replayFolder)
                .resume(resume)
                .labelOn(labelOn);
    }

    /** A stage by name: the defaults of {@link #builder}, then what differs. */
    public static final class Builder {
        private final String task;
        private final Path student;
        private final Path teacher;
        private final Path out;
        private final DistillConfig config;
        private Path data;
        private String framework = DEFAULT_FRAMEWORK;
        private String split = TRAIN;
        private int questions = DEFAULT_QUESTIONS;
        private Path calls;
        private boolean teacherDriven = true;
        private LabelOptions labels = LabelOptions.defaults();
        private Set<ServiceKind> kinds = EnumSet.allOf(ServiceKind.class);
        private double dataFraction = 1.0;
        private int replayScenes;
        private List<Path> replayCalls = List.of();
        private ReplayFolder replayFolder;
        private boolean resume;
        private ClusterLabeler.On labelOn;

        private Builder(String task, Path student, Path teacher, Path out, DistillConfig config) {
            this.task = task;
            this.student = student;
            this.teacher = teacher;
            this.out = out;
            this.config = config;
            this.data = out.resolve("data");
        }

        public Builder data(Path folder) {
            data = folder;
            return this;
        }

        public Builder framework(String name) {
            framework = name;
            return this;
        }

        public Builder split(String name) {
            split = name;
            return this;
        }

        public Builder questions(int n) {
            questions = n;
            return this;
        }

        /** Reuse these collected calls instead of collecting (null: collect). */
        public Builder calls(Path file) {
            calls = file;
            return this;
        }

        public Builder teacherDriven(boolean t) {
            teacherDriven = t;
            return this;
        }

        public Builder labels(LabelOptions l) {
            labels = l;
            return this;
        }

        public Builder kinds(Set<ServiceKind> k) {
            kinds = k;
            return this;
        }

        public Builder dataFraction(double f) {
            dataFraction = f;
            return this;
        }

        public Builder replayScenes(int scenes) {
            replayScenes = scenes;
            return this;
        }

        public Builder replayCalls(List<Path> files) {
            replayCalls = files;
            return this;
        }

        /** Replay the calls of a general folder's programs too (null: none). */
        public Builder replayFolder(ReplayFolder folder) {
            replayFolder = folder;
            return this;
        }

        public Builder resume(boolean r) {
            resume = r;
            return this;
        }

        /** Pseudo-label on this cluster (null: in this JVM). */
        public Builder labelOn(ClusterLabeler.On cluster) {
            labelOn = cluster;
            return this;
        }

        public StageSpec build() {
            return new StageSpec(
                    task,
                    data,
                    framework,
                    split,
                    questions,
                    student,
                    teacher,
                    out,
                    calls,
                    teacherDriven,
                    labels,
                    kinds,
                    dataFraction,
                    replayScenes,
                    replayCalls,
                    replayFolder,
                    config,
                    resume,
                    labelOn);
        }
    }
}
