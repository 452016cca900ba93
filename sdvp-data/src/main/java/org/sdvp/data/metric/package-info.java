/**
 * The datasets' official figures: exact match after VQA normalisation lives in sdvp-core
 * ({@link org.sdvp.core.metric.ExactMatch}, one normaliser for the whole project); here are the boolean
 * accuracy of NLVR2, the per-type breakdown of GQA and grounding accuracy at IoU ≥ 0.5 (NLVR2's consistency,
 * which needs its sentence keys, is {@link org.sdvp.data.nlvr2.Nlvr2Consistency}).
 */
package org.sdvp.data.metric;
