package org.sdvp.core.interp;

/**
 * Contributes a program framework; registered in
 * {@code META-INF/services/org.sdvp.core.interp.FrameworkProvider} (sdvp-core registers VisProg, sdvp-viper
 * registers ViperGPT), so the CLI finds frameworks without depending on their modules' classes.
 */
public interface FrameworkProvider {
    String name();

    Framework create();
}
