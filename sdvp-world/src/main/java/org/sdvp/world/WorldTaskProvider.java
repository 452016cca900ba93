package org.sdvp.world.task;

import java.util.List;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.evaluation.TaskProvider;

/** Registers gqa-sim, nlvr-sim, count-sim, ref-sim, tag-sim and the instruction tasks (edit-sim, knowtag-sim, depth-sim). */
public final class WorldTaskProvider implements TaskProvider {
    @Override
    public List<Task> tasks() {
        List<Task> tasks = new java.util.ArrayList<>(WorldTaskSpec.all().stream().<Task>map(WorldTask::new).toList());
        org.sdvp.world.instruct.InstructionTaskSpec.all().forEach(s -> tasks.add(new org.sdvp.world.instruct.InstructionTask(s)));
        return tasks;
    }
}
