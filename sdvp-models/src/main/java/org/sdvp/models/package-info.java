/**
 * The neural modules of sdvp: the general student VLM ({@link org.sdvp.models.vlm}) that backs every
 * model-backed program module, and the small task-specific teachers ({@link org.sdvp.models.teacher}) that
 * SDVP distills into it. Everything here runs on DJL's PyTorch engine on the CPU, offline.
 *
 * <p>Set {@code ai.djl.offline=true} and {@code OPT_OUT_TRACKING=true} before any DJL class loads
 * ({@link org.sdvp.models.train.DjlSetup#configure()} does it), so that DJL never touches the network.
 */
package org.sdvp.models;
