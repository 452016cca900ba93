package org.sdvp.cli.support;

import java.nio.file.Path;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ModuleSpec;
import org.sdvp.core.service.ProviderContext;

/** Turns a {@code --modules} option into backends; no option means no model-backed modules. */
public final class Backends {
    /** The text shared by every command's {@code --modules} description. */
    public static final String MODULES_HELP =
            "Model backends, first answering first: oracle (scene annotations), vlm:DIR (student checkpoint), "
                    + "teacher:DIR,vlm:DIR (the teacher answers the calls it covers), torchscript:DIR / onnx:DIR (your "
                    + "exported model and its model.json, docs/own-models.md), facedet (OpenCV's face cascade for FACEDET; "
                    + "chain it: facedet,vlm:DIR). Default: none (programs "
                    + "without model steps only).";

    private Backends() {}

    public static ModelServices load(String spec, Path dataDir) throws BackendException {
        if (spec == null || spec.isBlank()) return ModelServices.none();
        return ModuleSpec.parse(spec).load(dataDir == null ? ProviderContext.empty() : ProviderContext.ofData(dataDir));
    }
}
