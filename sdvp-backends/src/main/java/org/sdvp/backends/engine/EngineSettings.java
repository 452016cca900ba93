package org.sdvp.backends.engine;

/**
 * DJL offline and without telemetry before its first class loads (the launcher and Surefire set the same;
 * this keeps an embedding program safe too): nothing is downloaded, no probe leaves the process.
 */
final class EngineSettings {
    private EngineSettings() {}

    static void offline() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}
