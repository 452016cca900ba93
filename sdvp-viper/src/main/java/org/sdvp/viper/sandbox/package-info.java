/**
 * The GraalPy sandbox: one shared {@link org.sdvp.viper.sandbox.PythonSandbox engine}, a fresh locked-down
 * context per program, GraalPy's CPU-time and stack limits, and a {@link org.sdvp.viper.sandbox.Watchdog}
 * for wall-clock time and allocation.
 *
 * <p>Residual risks (see docs/viper.md): there is no retained-heap limit in-process, and a single long
 * builtin such as {@code 7 ** (3 * 10**7)} ignores cancellation until it returns. Where that matters, run
 * programs in a worker JVM with {@code -Xmx}.
 */
package org.sdvp.viper.sandbox;
