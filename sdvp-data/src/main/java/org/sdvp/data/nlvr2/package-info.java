/**
 * NLVR2 (Suhr et al., 2019): JSON-lines statements about image pairs. NLVR2 has no programs, so its
 * examples carry none: use a program source that writes them ({@code --programs llm}) or a program file.
 * Scored by accuracy; {@link org.sdvp.data.nlvr2.Nlvr2Consistency} gives the consistency figure.
 */
package org.sdvp.data.nlvr2;
