package org.sdvp.world.task;

import java.util.List;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.evaluation.TaskProvider;

/** Registers gqa-sim, nlvr-sim, count-sim, ref-sim and tag-sim with the evaluator. */
public final class WorldTaskProvider implements TaskProvider {
    @Override
    public List<Task> tasks() {
        return WorldTaskSpec.all().stream().<Task>map(WorldTask::new).toList();
    }
}
