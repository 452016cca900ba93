/**
 * Where programs come from: the dataset, an LLM, a cache or a file. Sources are thread-safe.
 */
package org.sdvp.core.source;
