/**
 * Frameworks (VisProg here, ViperGPT in sdvp-viper) and the VisProg interpreter. Interpreters are stateless
 * and thread-safe; a run's variables live on its own stack.
 */
package org.sdvp.core.interp;
