/**
 * Checkpoints: a folder holding DJL's {@code model.params} and a {@code config.json} with the architecture,
 * the vocabularies, the parameters' SHA-256 and the provenance (seed, data recipe and hash, parent
 * checkpoint, training settings, code version, Java/OS, threads). Both files are written atomically, the
 * config last, so a folder with a config is complete. Loading checks everything and names exactly what is
 * missing or differs.
 */
package org.sdvp.models.checkpoint;
