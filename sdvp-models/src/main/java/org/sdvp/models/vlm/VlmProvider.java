package org.sdvp.models.vlm;

import java.nio.file.Path;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.ModelServiceProvider;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ProviderContext;

/** {@code --modules vlm:DIR}: the student VLM of a checkpoint folder answers VQA, MATCH and LOC. */
public final class VlmProvider implements ModelServiceProvider {
    @Override
    public String name() {
        return "vlm";
    }

    @Override
    public String usage() {
        return "vlm:DIR (a student checkpoint folder from 'sdvp pretrain' or 'sdvp distill')";
    }

    @Override
    public ModelServices create(String argument, ProviderContext context) throws BackendException {
        if (argument.isBlank()) throw new BackendException("vlm needs a checkpoint folder: vlm:DIR");
        return VlmServices.of("vlm:" + argument, VlmModel.load(Path.of(argument)));
    }
}
