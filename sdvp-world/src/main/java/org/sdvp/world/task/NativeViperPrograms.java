package org.sdvp.world.task;

import java.nio.file.Path;
import java.util.Map;
import org.sdvp.core.io.DataException;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.core.source.ProgramSourceException;
import org.sdvp.core.source.Question;

/**
 * The native ViperGPT programs of a generated world split ({@link WorldViperPrograms}) as a program source:
 * what a ViperGPT run of a world task executes ({@code WorldTask.programs("viper", ...)}), rather than
 * VisProg programs translated line by line (which make exactly the VisProg calls).
 */
public final class NativeViperPrograms implements ProgramSource {
    private final Map<String, String> programs;

    private NativeViperPrograms(Map<String, String> programs) {
        this.programs = Map.copyOf(programs);
    }

    /** The split's native programs. */
    public static NativeViperPrograms of(WorldTaskSpec task, Path dataDir, String split) throws DataException {
        return new NativeViperPrograms(WorldViperPrograms.programs(task, dataDir, split));
    }

    @Override
    public String name() {
        return "viper-native";
    }

    @Override
    public String programFor(Question example) throws ProgramSourceException {
        String p = programs.get(example.id());
        if (p == null) throw new ProgramSourceException("no native ViperGPT program for question " + example.id());
        return p;
    }
}
