/**
 * Real benchmark data: loaders for GQA, NLVR2 and CLEVR, their program converters to VisProg, scene
 * oracles and official metrics. The tasks register through {@link org.sdvp.data.DataTasks}
 * ({@code META-INF/services/org.sdvp.core.evaluation.TaskProvider}); the oracles through
 * {@code META-INF/services/org.sdvp.core.service.ModelServiceProvider}. See {@code docs/datasets.md}.
 */
package org.sdvp.data;
