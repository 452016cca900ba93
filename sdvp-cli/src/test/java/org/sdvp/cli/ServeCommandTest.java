package org.sdvp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
    void helpSaysItBindsToThisMachineOnly() {
        CliRunner.Result r = CliRunner.run("serve", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("default 127.0.0.1"), r.out());
        assertTrue(r.out().contains("read-only"), r.out());
    }
}
