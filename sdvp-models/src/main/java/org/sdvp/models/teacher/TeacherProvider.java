package org.sdvp.models.teacher;

import java.nio.file.Path;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.ModelServiceProvider;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ProviderContext;

/** {@code --modules teacher:DIR}: a task's teacher answers the calls it covers; put a general backend after it. */
public final class TeacherProvider implements ModelServiceProvider {
    @Override
    public String name() {
        return "teacher";
    }

    @Override
    public String usage() {
        return "teacher:DIR (a teacher checkpoint folder from 'sdvp teacher train')";
    }

    @Override
    public ModelServices create(String argument, ProviderContext context) throws BackendException {
        if (argument.isBlank()) throw new BackendException("teacher needs a checkpoint folder: teacher:DIR");
        return TeacherServices.of("teacher:" + argument, TeacherModel.load(Path.of(argument)));
    }
}
