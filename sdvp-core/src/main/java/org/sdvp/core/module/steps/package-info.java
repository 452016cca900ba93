/**
 * The built-in modules: VisProg's GQA, NLVR and tagging sets. Stateless and thread-safe.
 */
package org.sdvp.core.module.steps;
