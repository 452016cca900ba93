/**
 * The student VLM: one multi-task network ({@link org.sdvp.models.vlm.VlmBlock}) behind every model-backed
 * module — VQA, grounding (LOC) and image–text matching — with its config, trainer, pretraining recipe,
 * model services and the {@code vlm:DIR} backend provider.
 *
 * <p>A {@link org.sdvp.models.vlm.VlmModel} is not thread-safe; the model services are called from one
 * batching thread at a time ({@link org.sdvp.core.service.BatchingDispatcher} guarantees it).
 */
package org.sdvp.models.vlm;
