/**
 * Benchmarks as {@link org.sdvp.core.evaluation.Task}s (world tasks and real datasets alike), streamed
 * {@link org.sdvp.core.evaluation.Example}s, metrics, and the concurrent {@link org.sdvp.core.evaluation.Evaluator}.
 */
package org.sdvp.core.evaluation;
