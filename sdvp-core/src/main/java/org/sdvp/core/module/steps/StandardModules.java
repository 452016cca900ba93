package org.sdvp.core.module.steps;

import java.util.List;
import org.sdvp.core.module.StepModule;
import org.sdvp.core.module.steps.DirectionalCropModule.Direction;

/** The module set of this project: VisProg's GQA, NLVR and tagging modules. */
public final class StandardModules {
    private StandardModules() {}

    public static List<StepModule> all() {
        return List.of(
                new LocModule(), new CountModule(), new CropModule(),
                new DirectionalCropModule(Direction.LEFTOF), new DirectionalCropModule(Direction.RIGHTOF),
                new DirectionalCropModule(Direction.ABOVE), new DirectionalCropModule(Direction.BELOW),
                new VqaModule(), new EvalModule(), new ResultModule(),
                new SelectModule(), new ClassifyModule(), new TagModule());
    }
}
