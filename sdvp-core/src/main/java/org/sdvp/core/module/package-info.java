/**
 * The module SPI: a {@link org.sdvp.core.module.StepModule} declares its signature (checked before a program
 * runs) and executes on resolved values; model-backed modules reach models only through
 * {@link org.sdvp.core.module.StepContext}, which batches and records the calls.
 */
package org.sdvp.core.module;
