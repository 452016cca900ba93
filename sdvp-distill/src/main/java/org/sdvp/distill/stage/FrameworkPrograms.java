package org.sdvp.distill.stage;

import java.nio.file.Path;
import org.sdvp.core.io.DataException;
import org.sdvp.core.source.DatasetPrograms;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.viper.convert.NativeViperPrograms;

/**
 * The programs a framework runs on a world task's split: the dataset's VisProg programs for {@code visprog},
 * native ViperGPT programs for {@code viper} (translated VisProg programs would make exactly VisProg's calls,
 * which would make the ViperGPT rows and cross-framework transfer a copy of the VisProg ones).
 */
public final class FrameworkPrograms {
    private FrameworkPrograms() {}

    public static ProgramSource of(String framework, String task, Path dataDir, String split) throws DataException {
        return "viper".equals(framework) ? NativeViperPrograms.of(task, dataDir, split) : new DatasetPrograms();
    }
}
