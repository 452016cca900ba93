/**
 * Oracle model services over scene annotations (GQA scene graphs, CLEVR scenes): LOC, VQA and MATCH
 * answered from the ground truth, so that converted dataset programs can be checked without any model.
 *
 * <p>A request's image is found by its provenance: {@code ImageValue.sourceId()} (the image file name)
 * selects the {@link org.sdvp.data.oracle.AnnotatedScene}, and {@code region()} (in source pixels) says which
 * part of it the module is looking at. Object phrases are matched by {@link org.sdvp.data.oracle.PhraseMatcher};
 * VQA questions must be in one of the {@link org.sdvp.data.oracle.QuestionForms}.
 *
 * <p>Oracles are immutable after construction and safe to share between threads.
 */
package org.sdvp.data.oracle;
