/**
 * Input and output shared by every module: atomic writes, the JSON configuration, image loading by content,
 * and {@link org.sdvp.core.io.DataException} for bad input (exit code 2).
 */
package org.sdvp.core.io;
