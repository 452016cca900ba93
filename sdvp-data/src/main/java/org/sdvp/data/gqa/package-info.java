/**
 * GQA (Hudson &amp; Manning, 2019): questions files streamed entry by entry ({@link org.sdvp.data.gqa.GqaTask}),
 * scene graphs ({@link org.sdvp.data.gqa.GqaSceneGraphs}), the {@code semantic} → VisProg converter
 * ({@link org.sdvp.data.gqa.GqaProgramConverter}) and the scene-graph oracle
 * ({@link org.sdvp.data.gqa.GqaOracleProvider}, {@code --modules gqa-oracle}). File layout:
 * {@link org.sdvp.data.gqa.GqaLayout}; user documentation: {@code docs/datasets.md}.
 */
package org.sdvp.data.gqa;
