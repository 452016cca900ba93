/**
 * Sub-task accuracy of any backend chain ({@code --modules}): VQA by question form, MATCH accuracy, LOC
 * recall and precision at IoU 0.5, measured on calls drawn from a task's split in the task's style.
 */
package org.sdvp.models.eval;
