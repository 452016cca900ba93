/**
 * Trace collection, the first step of an SDVP stage: every call a task's programs make to a distillable
 * module, with the provenance of the pixels it saw and whether the program's final answer was right.
 */
package org.sdvp.distill.trace;
