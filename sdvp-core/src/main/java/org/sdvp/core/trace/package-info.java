/**
 * Execution traces: one {@link org.sdvp.core.trace.StepRecord} per step with its model calls; the single source
 * of sub-task data for distillation. Rendered as JSON lines and as a self-contained HTML rationale.
 */
package org.sdvp.core.trace;
