/**
 * Answer normalisation and the metrics shared by several tasks.
 */
package org.sdvp.core.metric;
