/**
 * Pseudo-labels, SDVP steps 2–3: the pixels each collected call saw, cut again, labelled by the task's teacher
 * through the adapter into the student's output space, after answer-consistent filtering.
 */
package org.sdvp.distill.label;
