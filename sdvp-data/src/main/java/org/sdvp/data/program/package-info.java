/**
 * What the dataset converters share: {@link org.sdvp.data.program.VisProgWriter} writes VisProg program text
 * (one {@code VAR=STEP(arg=value,...)} per line, fresh variable names, safe quoting),
 * {@link org.sdvp.data.program.Conversion} is one converted program with its fallback flag, and
 * {@link org.sdvp.data.program.ConversionStats} counts fallbacks over a split.
 */
package org.sdvp.data.program;
