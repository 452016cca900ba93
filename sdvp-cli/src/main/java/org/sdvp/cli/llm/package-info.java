/** Command-line options for LLM program generation ({@link org.sdvp.cli.llm.LlmMixin}). */
package org.sdvp.cli.llm;
