/**
 * The world's programs: the closed set of VQA sub-question forms the emitters write
 * ({@link org.sdvp.world.program.VqaForms}), which the oracle reads back, and native ViperGPT program files
 * ({@link org.sdvp.world.program.WorldViperPrograms}, {@link org.sdvp.world.program.NativeViperPrograms}).
 * The programs themselves come from sdvp-data's one IR ({@code org.sdvp.data.clevr.program}): a world
 * {@code FProgram} is typed by {@code FProgram.typed()} and written by {@code VisProgEmitter} or {@code ViperEmitter}.
 */
package org.sdvp.world.program;
