/**
 * {@code sdvp experiment}: the paper's table on the embedded world. {@link org.sdvp.distill.experiment.ExperimentPreset}
 * holds the sizes, {@link org.sdvp.distill.experiment.ExperimentPlan} derives the stages and rows from them,
 * and {@link org.sdvp.distill.experiment.ExperimentRunner} runs data → S0 → teachers → stages → evaluation →
 * report in an output folder, resumably. Training, stages and evaluation sit behind interfaces
 * ({@link org.sdvp.distill.experiment.ModelBuilder}, {@link org.sdvp.distill.experiment.StageRunner},
 * {@link org.sdvp.distill.experiment.RowEvaluator}) so that the wiring is tested without training. See
 * docs/experiment.md.
 */
package org.sdvp.distill.experiment;
