/**
 * Running ViperGPT-style programs: {@link org.sdvp.viper.runner.ViperRunner} (one sandboxed context per
 * program, fallback on compile failure, failures recorded, results converted to core values) and
 * {@link org.sdvp.viper.runner.ViperFramework}, the {@code viper} {@link org.sdvp.core.interp.Framework}.
 */
package org.sdvp.viper.runner;
