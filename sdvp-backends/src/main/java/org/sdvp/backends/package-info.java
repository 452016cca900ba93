/**
 * Users' own exported models as sdvp modules: a folder with a TorchScript or ONNX file and a model.json
 * ({@code config}), the two engines behind one interface ({@code engine}), images and texts made into the
 * tensors model.json names ({@code input}), and the LOC / VQA / MATCH services with their providers
 * {@code torchscript:DIR} and {@code onnx:DIR} ({@code service}). The contract: docs/own-models.md.
 */
package org.sdvp.backends;
