package org.sdvp.cli.support;

import org.sdvp.core.interp.Framework;
import org.sdvp.core.interp.Frameworks;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.core.io.DataException;
import org.sdvp.core.module.ModuleOptions;
import org.sdvp.core.module.steps.StandardModules;

/** The framework of a run, with the module meanings chosen on the command line ({@code --depth-crops}). */
public final class FrameworkChoice {
    /** The help text of {@code --depth-crops}, shared by run and eval. */
    public static final String DEPTH_CROPS_HELP = "What CROP_FRONTOF/INFRONTOF/INFRONT/AHEAD/BEHIND cut: box (VisProg: "
            + "around the box, as CROP) or ground (the image below / above the box's centre row: nearer "
            + "is lower in ground-plane views such as the world's). Default: ${DEFAULT-VALUE}.";

    private FrameworkChoice() {}

    /** VisProg with the chosen depth-crop meaning; other frameworks as registered. */
    public static Framework create(String name, String depthCrops) throws DataException {
        ModuleOptions.DepthCrops mode;
        try {
            mode = ModuleOptions.DepthCrops.parse(depthCrops);
        } catch (IllegalArgumentException e) {
            throw new DataException("--depth-crops: " + e.getMessage());
        }
        if (name.equals("visprog")) return new VisProgInterpreter(StandardModules.registry(new ModuleOptions(mode)));
        return Frameworks.create(name);
    }
}
