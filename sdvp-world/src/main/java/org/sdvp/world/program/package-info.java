/**
 * Converters from the world's functional programs to VisProg programs
 * ({@link org.sdvp.world.program.VisProgConverter}) and the closed set of VQA sub-question forms they write
 * ({@link org.sdvp.world.program.VqaForms}), which the oracle reads back.
 */
package org.sdvp.world.program;
