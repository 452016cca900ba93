package org.sdvp.distill.stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sdvp.core.service.ServiceKind;
import org.sdvp.distill.label.LabelOptions;
import org.sdvp.distill.train.DistillConfig;

/**
 * One SDVP stage (SDVP.md, "One stage"): target task T, previous student S_prev → S_new.
 *
 * @param task          the target task (a world task name)
 * @param data          the task's data folder holding {@code split}; generated there when missing
 * @param framework     the framework whose programs are traced ({@code visprog} or {@code viper})
 * @param split         the split whose programs are traced (train)
 * @param questions     how many of its questions to trace (and to generate when missing)
 * @param student       S_prev's checkpoint folder
 * @param teacher       the task teacher's checkpoint folder
 * @param out           where S_new, its state and the stage's files go
 * @param calls         pre-collected calls ({@code calls.jsonl} of an earlier stage on the same task, teacher and
 *                      student) to reuse, or null to collect
 * @param teacherDriven trace with {@code teacher:T,vlm:S} (default) or with the student alone
 * @param labels        answer-consistent filter and confidence threshold
 * @param kinds         the sub-tasks to distil (module-subset ablation)
 * @param dataFraction  share of the labelled targets to keep (data-size ablation), in (0, 1]
 * @param replayScenes  general-data scenes whose sub-task calls, labelled by S_prev, are replayed (0: none)
 * @param replayCalls   earlier stages' {@code calls.jsonl} files, replayed too (sequential SDVP)
 * @param config        loss and optimisation
 * @param resume        continue from {@code out}'s last checkpoint
 */
public record StageSpec(String task, Path data, String framework, String split, int questions, Path student, Path teacher, Path out,
                        Path calls, boolean teacherDriven, LabelOptions labels, Set<ServiceKind> kinds,
                        double dataFraction, int replayScenes, List<Path> replayCalls, DistillConfig config,
                        boolean resume) {
    public StageSpec {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(out, "out");
        kinds = Set.copyOf(kinds);
        replayCalls = List.copyOf(replayCalls);
        if (!(dataFraction > 0 && dataFraction <= 1)) throw new IllegalArgumentException("dataFraction must be in (0, 1]");
    }
}
