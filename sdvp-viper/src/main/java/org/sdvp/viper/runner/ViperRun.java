package org.sdvp.viper.runner;

import org.sdvp.core.interp.Execution;

/**
 * One program run under ViperGPT rules.
 *
 * @param execution the result, the trace of API calls, or the failure
 * @param fallback  whether the program did not compile and the fixed fallback program
 *                  ({@code simple_query} of the question) ran instead
 */
public record ViperRun(Execution execution, boolean fallback) {}
