package org.sdvp.cli.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.cli.CliRunner;

/** --seed, --out and --data are declared once, yet each command's help still says what they mean there. */
class CommonOptionsTest {
    private static String help(String... command) {
        String[] args = java.util.Arrays.copyOf(command, command.length + 1);
        args[command.length] = "--help";
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.err());
        return r.out().replaceAll("\\s+", " ");
    }

    @Test
    void eachCommandKeepsItsOwnWordsForTheSharedOptions() {
        String generate = help("world", "generate");
        assertTrue(generate.contains("--out=DIR Data folder; the split goes to DIR/SPLIT."), generate);
        assertTrue(generate.contains("--seed=N Base seed. Default: 1."), generate);
        String teacher = help("teacher", "train");
        assertTrue(
                teacher.contains("--seed=N Data split seed (as 'sdvp generate --seed') and training seed. Default: 1."),
                teacher);
        assertTrue(teacher.contains("--out=DIR The checkpoint folder to write."), teacher);
        assertTrue(help("eval").contains("--out=FILE Where to write results.json."));
        assertTrue(help("run").contains("--data, --root=DIR Folder with the scene annotations the oracle reads."));
        assertTrue(help("distill").contains("--seed=N Training seed. Default: 1."));
    }

    @Test
    void theSharedOptionsReachTheCommand(@TempDir Path tmp) throws Exception {
        CliRunner.Result r = CliRunner.run(
                "world",
                "generate",
                "--task",
                "count-sim",
                "--split",
                "val",
                "--count",
                "3",
                "--seed",
                "5",
                "--out",
                tmp.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("(seed 5)"), r.out());
        assertTrue(Files.isDirectory(tmp.resolve("val")));
        CliRunner.Result missing = CliRunner.run("world", "generate", "--task", "count-sim");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--out"), missing.err());
    }
}
