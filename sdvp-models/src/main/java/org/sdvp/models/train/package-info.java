/**
 * What every training run shares: DJL's offline set-up, the losses (masked cross entropy, soft targets and
 * temperature KL with clipped targets, objectness and box terms), the deterministic step loop (one
 * NDManager sub-scope per step, step-driven schedules, a progress bar with loss and samples/s) and the
 * sub-task examples the networks learn from.
 */
package org.sdvp.models.train;
