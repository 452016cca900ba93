package org.sdvp.viper.runner;

import org.sdvp.core.interp.Framework;
import org.sdvp.core.interp.FrameworkProvider;

/**
 * Registers the {@code viper} framework for {@code --framework viper}. The system property
 * {@code sdvp.viper.programsPerContext} (default 1: a fresh context per program) turns on context reuse.
 */
public final class ViperFrameworkProvider implements FrameworkProvider {
    public static final String PROGRAMS_PER_CONTEXT = "sdvp.viper.programsPerContext";

    @Override public String name() { return ViperFramework.NAME; }

    @Override
    public Framework create() {
        return new ViperFramework(Integer.getInteger(PROGRAMS_PER_CONTEXT, 1));
    }
}
