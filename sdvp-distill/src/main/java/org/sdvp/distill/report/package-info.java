/**
 * The experiment's report: {@code report.json} ({@link org.sdvp.distill.report.ExperimentReport}), a
 * self-contained {@code report.html} with charts (JFreeChart), and the terminal table.
 */
package org.sdvp.distill.report;
