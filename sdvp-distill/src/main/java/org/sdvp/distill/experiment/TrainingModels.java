package org.sdvp.distill.experiment;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Function;
import org.sdvp.models.teacher.TeacherBuilder;
import org.sdvp.models.teacher.TeacherPreset;
import org.sdvp.models.train.DjlSetup;
import org.sdvp.models.train.StateOptions;
import org.sdvp.models.vlm.PretrainPreset;
import org.sdvp.models.vlm.Pretrainer;
import org.sdvp.world.task.WorldTaskSpec;

/**
 * {@link ModelBuilder#training()}: {@link Pretrainer} and {@link TeacherBuilder}, as {@code sdvp pretrain} and
 * {@code sdvp teacher train} run them, saving their training state beside the output ({@code OUT.state}, as
 * the commands do) so that an experiment killed mid-training continues from the newest state when run again.
 * The experiment deletes a model folder it retrains, never the state beside it.
 *
 * @param pretrainPresets a pretraining preset by name ({@link PretrainPreset#named}; tests shrink it)
 * @param teacherPresets  a teacher preset by name ({@link TeacherPreset#named})
 * @param states          the state options of an output folder
 */
record TrainingModels(
        Function<String, PretrainPreset> pretrainPresets,
        Function<String, TeacherPreset> teacherPresets,
        Function<Path, StateOptions> states)
        implements ModelBuilder {
    /** Steps between saved states: the commands' {@code --checkpoint-every} default. */
    static final int STATE_EVERY = 50;

    static TrainingModels standard() {
        return new TrainingModels(
                PretrainPreset::named, TeacherPreset::named, out -> StateOptions.beside(out, STATE_EVERY));
    }

    @Override
    public void pretrain(String preset, long seed, Path out, PrintStream log) throws Exception {
        DjlSetup.configure();
        new Pretrainer(pretrainPresets.apply(preset), seed).run(out, log, states.apply(out));
    }

    @Override
    public void teacher(String task, String preset, long seed, Path out, PrintStream log) throws Exception {
        DjlSetup.configure();
        new TeacherBuilder(WorldTaskSpec.find(task), teacherPresets.apply(preset), seed)
                .run(out, null, log, states.apply(out));
    }
}
