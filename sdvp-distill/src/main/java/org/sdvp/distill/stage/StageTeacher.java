package org.sdvp.distill.stage;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ModuleSpec;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.models.teacher.TeacherModel;
import org.sdvp.models.teacher.TeacherServices;

/**
 * A stage's teacher as {@code --teacher} names it: a task teacher's checkpoint folder ({@code sdvp teacher train}),
 * or any {@code --modules} chain ({@code torchscript:DIR,oracle}, {@code onnx:DIR}, {@code gqa-oracle}, ...). Any
 * chain labels: VQA by its answer distributions (a backend without them by its top answer), LOC by its boxes,
 * MATCH by its probabilities; the calls it does not cover are counted and skipped.
 */
public final class StageTeacher {
    private StageTeacher() {}

    /** Whether {@code teacher} is a checkpoint folder rather than a chain. */
    public static boolean isCheckpoint(Path teacher) {
        return Files.isDirectory(teacher);
    }

    /** The teacher as a {@code --modules} chain: {@code teacher:DIR} for a checkpoint folder, the chain itself else. */
    public static String chain(Path teacher) {
        return isCheckpoint(teacher) ? "teacher:" + teacher : teacher.toString();
    }

    /**
     * Loads the teacher's services (the caller closes them); a chain's backends read their data from {@code data}
     * (the dataset oracles' annotations). A checkpoint folder gives exactly {@code teacher:DIR}'s services.
     *
     * @throws BackendException a chain naming an unknown backend, or a model refused at load (its model.json)
     */
    public static ModelServices open(Path teacher, Path data) throws BackendException {
        if (isCheckpoint(teacher)) return TeacherServices.of("teacher", TeacherModel.load(teacher));
        return ModuleSpec.parse(teacher.toString())
                .load(data == null ? ProviderContext.empty() : ProviderContext.ofData(data));
    }
}
