package org.sdvp.cli;

import org.sdvp.core.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code sdvp --version}. */
public final class SdvpVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "sdvp " + Version.describe(),
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch")
        };
    }
}
