package org.sdvp.distill.stage;

import java.nio.file.Path;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.io.DataException;
import org.sdvp.core.source.DatasetPrograms;
import org.sdvp.core.source.ProgramSource;

/**
 * The programs a framework runs on a task's split: the task's own programs for that framework when it has
 * them ({@code Task.programs}: a world task's native ViperGPT programs for {@code viper} — translated VisProg
 * programs would make exactly VisProg's calls, which would make the ViperGPT rows and cross-framework
 * transfer a copy of the VisProg ones), else the dataset's programs.
 */
public final class FrameworkPrograms {
    private FrameworkPrograms() {}

    public static ProgramSource of(String framework, String task, Path dataDir, String split) throws DataException {
        return Tasks.find(task).programs(framework, dataDir, split).orElseGet(DatasetPrograms::new);
    }
}
