/**
 * Small task-specific teachers: one network per target task, trained on that task's training split and
 * its scene annotations, in the task's style — an attribute classifier over object crops and a
 * class-aware detector (objectness, box and attributes per grid cell) sharing one small encoder, as a
 * GQA teacher would be trained on GQA's scene graphs. A teacher answers only the calls it
 * {@linkplain org.sdvp.models.teacher.TeacherServices covers}: attribute questions and matches on crops,
 * grounding of attribute phrases, and existence/attribute questions on whole images through its detector.
 */
package org.sdvp.models.teacher;
