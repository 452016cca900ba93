/**
 * The world's tasks (gqa-sim, nlvr-sim, count-sim, ref-sim, tag-sim): their specs and metrics, the seeded
 * split generator with answer balancing, the split files, and the {@link org.sdvp.core.evaluation.Task}
 * implementation the evaluator opens them through.
 */
package org.sdvp.world.task;
