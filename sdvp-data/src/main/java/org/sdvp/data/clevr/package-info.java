/**
 * CLEVR (Johnson et al., 2017): the schema of {@code scenes.json} and {@code questions.json}
 * ({@link org.sdvp.data.clevr.ClevrScene}, {@link org.sdvp.data.clevr.ClevrQuestion},
 * {@link org.sdvp.data.clevr.ClevrFiles}), the program converter to VisProg
 * ({@link org.sdvp.data.clevr.ClevrProgramConverter}), the oracle ({@code --modules clevr-oracle}) and the
 * {@code clevr} task. The records read both the released files and the CLEVR generator's output (program
 * nodes keyed {@code type} instead of {@code function}, {@code side_inputs} instead of
 * {@code value_inputs}); they are the one CLEVR schema of the project, for readers and writers alike.
 */
package org.sdvp.data.clevr;
