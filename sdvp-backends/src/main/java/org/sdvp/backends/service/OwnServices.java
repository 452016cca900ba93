package org.sdvp.backends.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sdvp.backends.config.Role;
import org.sdvp.backends.engine.EngineException;
import org.sdvp.backends.engine.HostTensor;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.ModelServices;

/** An own model as a {@link ModelServices} bundle with the one service its model.json names. */
public final class OwnServices {
    private OwnServices() {}

    /** @param name the {@code --modules} entry, for messages and reports */
    public static ModelServices of(String name, OwnModel model) {
        ModelServices.Builder b = ModelServices.builder(name).closing(model);
        switch (model.folder().service()) {
            case VQA -> b.vqa(new OwnVqaService(model));
            case LOC -> b.loc(new OwnLocService(model));
            case MATCH -> b.match(new OwnMatchService(model));
        }
        return b.build();
    }

    /** The batch's prepared inputs: those {@code prepare} made on the programs' threads, the rest made now. */
    static <R> List<OwnModel.Prepared> prepared(
            List<R> batch, List<Object> prepared, Function<R, OwnModel.Prepared> make) {
        List<OwnModel.Prepared> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            out.add(prepared.get(i) instanceof OwnModel.Prepared p ? p : make.apply(batch.get(i)));
        }
        return out;
    }

    /** Engine errors become service errors: one bad batch fails its steps, not the run. */
    static Map<Role, HostTensor.Floats> run(OwnModel model, List<OwnModel.Prepared> batch)
            throws ModelServiceException {
        try {
            return model.run(batch);
        } catch (EngineException e) {
            throw new ModelServiceException(
                    model.folder().config().engine() + ":" + model.folder().dir() + " failed: " + e.getMessage(), e);
        }
    }
}
