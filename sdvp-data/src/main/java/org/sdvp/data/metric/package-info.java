/**
 * The datasets' official figures: exact match after VQA normalisation lives in sdvp-core
 * ({@link org.sdvp.core.metric.ExactMatch}, one normaliser for the whole project); here are the boolean
 * accuracy and consistency of NLVR2, the per-type breakdown of GQA, and grounding accuracy at IoU ≥ 0.5.
 */
package org.sdvp.data.metric;
