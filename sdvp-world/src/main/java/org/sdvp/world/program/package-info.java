/**
 * The world's programs: the closed set of VQA sub-question forms the emitters write
 * ({@link org.sdvp.world.program.VqaForms}), which the oracle reads back. The tasks' native ViperGPT program
 * files belong to the tasks ({@link org.sdvp.world.task.WorldViperPrograms},
 * {@link org.sdvp.world.task.NativeViperPrograms}).
 * The programs themselves come from sdvp-data's one IR ({@code org.sdvp.data.clevr.program}): a world
 * {@code FProgram} is typed by {@code FProgram.typed()} and written by {@code VisProgEmitter} or {@code ViperEmitter}.
 */
package org.sdvp.world.program;
