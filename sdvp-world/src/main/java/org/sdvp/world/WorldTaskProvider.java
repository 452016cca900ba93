package org.sdvp.world;

import java.util.ArrayList;
import java.util.List;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.evaluation.TaskProvider;
import org.sdvp.world.instruct.InstructionTask;
import org.sdvp.world.instruct.InstructionTaskSpec;
import org.sdvp.world.task.WorldTask;
import org.sdvp.world.task.WorldTaskSpec;

/**
 * Registers the world's tasks with sdvp-core ({@code Tasks.find}): gqa-sim, nlvr-sim, count-sim, ref-sim,
 * tag-sim and the instruction tasks (edit-sim, knowtag-sim, depth-sim). It sits above both task packages, as
 * the one place that knows them all, so neither depends on the other's registration.
 */
public final class WorldTaskProvider implements TaskProvider {
    @Override
    public List<Task> tasks() {
        List<Task> tasks = new ArrayList<>(
                WorldTaskSpec.all().stream().<Task>map(WorldTask::new).toList());
        InstructionTaskSpec.all().forEach(s -> tasks.add(new InstructionTask(s)));
        return tasks;
    }
}
