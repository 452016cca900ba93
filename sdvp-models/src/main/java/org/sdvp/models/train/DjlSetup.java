package org.sdvp.models.train;

import ai.djl.engine.Engine;

/**
 * Puts DJL in offline mode before its first class loads. Without {@code ai.djl.offline} DJL may download
 * a native library, and without {@code OPT_OUT_TRACKING} its engine start-up sends a telemetry probe;
 * neither may leave this project's processes. Call {@link #configure()} before touching any DJL class.
 */
public final class DjlSetup {
    private DjlSetup() {}

    public static void configure() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    /** The intra-op thread count the engine was started with (recorded in provenance). */
    public static int threads() {
        String p = System.getProperty("ai.djl.pytorch.num_threads");
        return p == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(p.strip());
    }

    /** Seeds the engine's generator (weight initialisation, dropout); call before building a network. */
    public static void seed(long seed) {
        configure();
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }
}
