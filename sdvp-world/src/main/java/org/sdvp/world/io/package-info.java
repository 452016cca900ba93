/**
 * The world's files: {@code scenes.json} and {@code questions.json} in CLEVR's schemas with this world's
 * extensions, and NLVR2-style JSON lines for image pairs. Writes are atomic and byte-deterministic.
 */
package org.sdvp.world.io;
