package org.sdvp.distill.experiment;

import java.io.PrintStream;
import java.nio.file.Path;
import org.sdvp.models.teacher.TeacherBuilder;
import org.sdvp.models.vlm.Pretrainer;

/** Trains the experiment's S0 and teachers (an interface so that tests can stand in for hours of training). */
public interface ModelBuilder {
    /** Pretrains S0 into {@code out} ({@code sdvp pretrain --preset P --seed S --out DIR}). */
    void pretrain(String preset, long seed, Path out, PrintStream log) throws Exception;

    /** Trains a task's teacher into {@code out} ({@code sdvp teacher train --task T --preset P --seed S}). */
    void teacher(String task, String preset, long seed, Path out, PrintStream log) throws Exception;

    /** How many teachers it can train at once (the real one in this process: one, as DJL records one gradient at a time). */
    default int maxParallel() {
        return 1;
    }

    /**
     * The real thing: {@link Pretrainer} and {@link TeacherBuilder}, as the CLI commands use them, resumable
     * mid-training ({@link TrainingModels}).
     */
    static ModelBuilder training() {
        return TrainingModels.standard();
    }
}
