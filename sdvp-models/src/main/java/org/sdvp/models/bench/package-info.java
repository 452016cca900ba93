/** Throughput benchmarks of the student (a main, not a test): see docs/performance.md. */
package org.sdvp.models.bench;
