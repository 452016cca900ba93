/**
 * The {@code ImagePatch} API for ViperGPT-style programs: a Python prelude
 * ({@code image_patch.py}, this project's own) over the host bridge {@link org.sdvp.viper.api.ImagePatchApi}.
 *
 * <p>Every model-backed call ({@code find}, {@code exists}, {@code verify_property},
 * {@code best_text_match}, {@code best_image_match}, {@code simple_query}) becomes one
 * {@link org.sdvp.core.trace.StepRecord} with its {@link org.sdvp.core.trace.ModelCall}s, through the same
 * batching {@link org.sdvp.core.service.ModelGateway} as VisProg modules.
 *
 * <p>Coordinates seen by Python: pixels of the image given to {@code execute_command}, x from the left,
 * y from the <em>bottom</em> (ViperGPT's convention). Host-side boxes stay y-down, in source coordinates.
 */
package org.sdvp.viper.api;
