/**
 * Program translation into ViperGPT-style Python: {@link org.sdvp.viper.convert.VisProgTranslator} turns
 * validated VisProg programs (the form every dataset program is converted to) into equivalent
 * {@code execute_command} functions, so the same questions run under both frameworks.
 */
package org.sdvp.viper.convert;
