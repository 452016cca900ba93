package org.sdvp.viper.runner;

import org.sdvp.core.interp.Framework;
import org.sdvp.core.interp.FrameworkProvider;
import org.sdvp.viper.api.LlmQuery;

/**
 * Registers the {@code viper} framework for {@code --framework viper}. The system property
 * {@code sdvp.viper.programsPerContext} (default {@link ViperRunner#DEFAULT_PROGRAMS_PER_CONTEXT}; 1 gives every program a fresh context) bounds context reuse.
 */
public final class ViperFrameworkProvider implements FrameworkProvider {
    public static final String PROGRAMS_PER_CONTEXT = "sdvp.viper.programsPerContext";

    @Override
    public String name() {
        return ViperFramework.NAME;
    }

    @Override
    public Framework create() {
        return create(null);
    }

    /** The framework as {@link #create()} makes it, with {@code llm_query} answered by {@code llm} (null: none). */
    public static ViperFramework create(LlmQuery llm) {
        // The CLI creates the framework before it reads the data and loads models: warm up meanwhile.
        return new ViperFramework(
                        null, Integer.getInteger(PROGRAMS_PER_CONTEXT, ViperRunner.DEFAULT_PROGRAMS_PER_CONTEXT), llm)
                .warmInBackground();
    }
}
