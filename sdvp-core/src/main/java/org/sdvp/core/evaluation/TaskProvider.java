package org.sdvp.core.evaluation;

import java.util.List;

/** Contributes tasks; registered in {@code META-INF/services/org.sdvp.core.evaluation.TaskProvider}. */
public interface TaskProvider {
    List<Task> tasks();
}
