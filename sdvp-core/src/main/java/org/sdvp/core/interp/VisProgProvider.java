package org.sdvp.core.interp;

/** Registers the VisProg interpreter under {@code visprog}. */
public final class VisProgProvider implements FrameworkProvider {
    @Override
    public String name() {
        return "visprog";
    }

    @Override
    public Framework create() {
        return new VisProgInterpreter();
    }
}
