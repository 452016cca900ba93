/**
 * Replay targets of sequential self-distillation: inputs from general pretraining sub-tasks and from earlier
 * stages' traces, labelled by the frozen previous student S_prev.
 */
package org.sdvp.distill.replay;
