package org.sdvp.core.module.steps;

import java.util.ArrayList;
import java.util.List;
import org.sdvp.core.module.ModuleOptions;
import org.sdvp.core.module.ModuleRegistry;
import org.sdvp.core.module.StepModule;
import org.sdvp.core.module.steps.DirectionalCropModule.Direction;

/** The module set of this project: VisProg's GQA, NLVR, knowledge-tagging and image-editing modules. */
public final class StandardModules {
    private StandardModules() {}

    public static List<StepModule> all() {
        return all(ModuleOptions.DEFAULT);
    }

    /** Every module this project implements, as VisProg means them, by name. */
    public static ModuleRegistry registry() {
        return registry(ModuleOptions.DEFAULT);
    }

    /** Every module this project implements, with the given meanings, by name. */
    public static ModuleRegistry registry(ModuleOptions options) {
        return ModuleRegistry.of(all(options));
    }

    public static List<StepModule> all(ModuleOptions options) {
        List<StepModule> m = new ArrayList<>(List.of(
                new LocModule(),
                new CountModule(),
                new CropModule(),
                new DirectionalCropModule(Direction.LEFTOF),
                new DirectionalCropModule(Direction.RIGHTOF),
                new DirectionalCropModule(Direction.ABOVE),
                new DirectionalCropModule(Direction.BELOW)));
        for (DepthCropModule.Relation r : DepthCropModule.Relation.values()) {
            m.add(new DepthCropModule(r, options.depthCrops()));
        }
        m.addAll(List.of(
                new VqaModule(),
                new EvalModule(),
                new ResultModule(),
                new SelectModule(),
                new ClassifyModule(),
                new TagModule(),
                new FaceDetModule(),
                new ListModule(),
                new SegModule(),
                new ColorPopModule(),
                new BgBlurModule(),
                new ReplaceModule(),
                new EmojiModule()));
        return List.copyOf(m);
    }
}
