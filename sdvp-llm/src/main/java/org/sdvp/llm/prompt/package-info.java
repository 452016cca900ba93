/**
 * Prompts for program generation: versioned resource files ({@link org.sdvp.llm.prompt.PromptTemplate}),
 * the choice among them ({@link org.sdvp.llm.prompt.Prompts}) and taking the program out of a chat reply
 * ({@link org.sdvp.llm.prompt.ProgramExtractor}). The prompt texts are this project's own.
 */
package org.sdvp.llm.prompt;
