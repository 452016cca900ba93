/**
 * Where programs come from: an LLM with validation, re-asking and a fallback
 * ({@link org.sdvp.llm.source.LlmProgramSource}), a persistent cache in front of it
 * ({@link org.sdvp.llm.source.CachedProgramSource}), a program file
 * ({@link org.sdvp.llm.source.ProgramFileSource}), and the factory behind {@code --programs}
 * ({@link org.sdvp.llm.source.ProgramSources}). All sources are thread-safe.
 */
package org.sdvp.llm.source;
