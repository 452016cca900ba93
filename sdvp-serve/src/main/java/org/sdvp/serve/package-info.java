/**
 * {@code sdvp serve}: a local, read-only web app over experiment, stage and evaluation folders.
 * {@code runs} reads the files (only under the runs folder), {@code pages} renders them (one escaping writer),
 * {@code sample} writes a synthetic experiment for tests, the benchmark and the screenshots.
 */
package org.sdvp.serve;
