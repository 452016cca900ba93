/**
 * Model backends: batched {@link org.sdvp.core.service.ModelService}s for grounding, VQA and image-text
 * matching, {@code --modules} specs resolved through {@link org.sdvp.core.service.ModelServiceProvider}s, and the
 * cross-program micro-batching of {@link org.sdvp.core.service.ModelGateway}.
 */
package org.sdvp.core.service;
