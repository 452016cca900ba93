/**
 * The symbolic executor: functional programs run on scene annotations, giving each question's ground-truth
 * answer.
 */
package org.sdvp.world.exec;
