/**
 * Network building blocks shared by the student and the teachers: a GroupNorm (DJL ships none; it is off
 * by default, see docs/models.md, Determinism; the
 * student must not use BatchNorm: batches from one style would shift its running statistics), a conv unit,
 * image-to-tensor conversion and the dense grid box coder used by every grounding head.
 */
package org.sdvp.models.nn;
