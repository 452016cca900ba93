/**
 * Training examples from the embedded world: {@link org.sdvp.models.data.SubTaskSampler} turns a rendered
 * scene and its annotations into the sub-task calls that converted programs make (VQA on object crops and
 * whole images in the world's sub-question forms, MATCH of attribute words and phrases on crops, LOC of
 * object phrases on whole images and directional crops). The pretraining mix and the teachers' data are
 * built from it, on different scenes and styles.
 */
package org.sdvp.models.data;
