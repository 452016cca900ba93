/**
 * Questions of the world's tasks: CLEVR-style functional programs ({@link org.sdvp.world.question.FProgram}),
 * noun phrases over the vocabulary ({@link org.sdvp.world.question.Description}), and the per-task question
 * generators with their answer balancing.
 */
package org.sdvp.world.question;
