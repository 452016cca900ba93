/**
 * ViperGPT's {@code llm_query}: text questions answered through the configured chat endpoint, cached
 * ({@link org.sdvp.llm.query.CachedLlmQuery}).
 */
package org.sdvp.llm.query;
