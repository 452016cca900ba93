package org.sdvp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sdvp serve}'s usage errors (the server itself is tested in sdvp-serve). */
class ServeCommandTest {
    @Test
    void withoutAFolderItSaysWhatIsMissing() {
        CliRunner.Result r = CliRunner.run("serve");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--runs DIR is required"), r.err());
        CliRunner.Result missing = CliRunner.run("serve", "--runs", "/no/such/folder");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no such folder: /no/such/folder"), missing.err());
    }

    @Test
    void aPortInUseExitsOneAndSaysHowToPickAFreeOne(@TempDir Path runs) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            CliRunner.Result r = CliRunner.run("serve", "--runs", runs.toString(), "--port", port);
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.err().contains("cannot listen on 127.0.0.1:" + port), r.err());
            assertTrue(r.err().contains("--port 0 picks a free one"), r.err());
        }
        assertEquals(
                2,
                CliRunner.run("serve", "--runs", runs.toString(), "--port", "70000")
                        .exitCode());
    }

    @Test
    void helpSaysItBindsToThisMachineOnly() {
        CliRunner.Result r = CliRunner.run("serve", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("default 127.0.0.1"), r.out());
        assertTrue(r.out().contains("read-only"), r.out());
    }
}
