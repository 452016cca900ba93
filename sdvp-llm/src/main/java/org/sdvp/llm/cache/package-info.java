/**
 * A persistent cache of generated programs: a JSON lines file keyed by the SHA-256 of prompt version,
 * model and question ({@link org.sdvp.llm.cache.CacheKey}), so that a second evaluation of the same
 * questions makes no LLM calls. Thread-safe.
 */
package org.sdvp.llm.cache;
