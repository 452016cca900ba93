/** Knowledge from an LLM for VisProg's LIST module: lists answered by the configured endpoint, cached. */
package org.sdvp.llm.knowledge;
