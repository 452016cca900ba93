package org.sdvp.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The code version recorded in every checkpoint, dataset and report: the Maven version plus the git
 * commit the launcher found (env {@code SDVP_COMMIT}), so a number can be traced to the code that made it.
 */
public final class Version {
    private static final String VERSION = load();

    private Version() {}

    public static String version() {
        return VERSION;
    }

    /** {@code 0.1.0-SNAPSHOT (commit 1a2b3c4)}, or without the commit when it is unknown. */
    public static String describe() {
        String commit = System.getenv("SDVP_COMMIT");
        return commit == null || commit.isBlank() ? VERSION : VERSION + " (commit " + commit + ")";
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            return "unknown";
        }
        String v = p.getProperty("version", "unknown");
        return v.startsWith("${") ? "unknown" : v;
    }
}
