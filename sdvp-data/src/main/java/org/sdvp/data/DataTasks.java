package org.sdvp.data;

import java.util.List;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.evaluation.TaskProvider;
import org.sdvp.data.clevr.ClevrTask;
import org.sdvp.data.gqa.GqaTask;
import org.sdvp.data.nlvr2.Nlvr2Task;

/** Registers the real-dataset tasks {@code gqa}, {@code nlvr2} and {@code clevr} with {@code Tasks}. */
public final class DataTasks implements TaskProvider {
    @Override
    public List<Task> tasks() {
        return List.of(new GqaTask(), new Nlvr2Task(), new ClevrTask());
    }
}
