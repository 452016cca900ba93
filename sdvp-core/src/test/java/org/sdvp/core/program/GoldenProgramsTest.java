package org.sdvp.core.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sdvp.core.module.steps.StandardModules;

/**
 * Golden programs in {@code src/test/resources/golden/*.vp}, in the manner of jlox's test suite: each file
 * says in comments what the front end must report.
 *
 * <ul>
 *   <li>{@code # expect-valid}: the program parses and validates;</li>
 *   <li>{@code # expect-error: [line L:C] Error ...}: exactly these errors, in this order;</li>
 *   <li>{@code # initial: LEFT, RIGHT}: the initial variables (default {@code IMAGE}).</li>
 * </ul>
 */
class GoldenProgramsTest {
    private static final String EXPECT_VALID = "# expect-valid";
    private static final String EXPECT_ERROR = "# expect-error: ";
    private static final String INITIAL = "# initial: ";

    @TestFactory
    Stream<DynamicTest> goldenPrograms() throws IOException, URISyntaxException {
        return programsIn("/golden").stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    /** The {@code .vp} files of a test-resource folder, sorted by name. */
    static List<Path> programsIn(String resourceDir) throws IOException, URISyntaxException {
        Path dir = Path.of(GoldenProgramsTest.class.getResource(resourceDir).toURI());
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".vp")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no golden programs in " + dir);
        return files;
    }

    /** Checks one golden file against what its comments expect. */
    static void check(Path file) {
        String source = read(file);
        List<String> lines = source.lines().map(String::strip).toList();
        List<String> expected = new ArrayList<>();
        boolean valid = false;
        Set<String> initial = Set.of("IMAGE");
        for (String line : lines) {
            if (line.startsWith(EXPECT_ERROR)) expected.add(line.substring(EXPECT_ERROR.length()));
            if (line.equals(EXPECT_VALID)) valid = true;
            if (line.startsWith(INITIAL)) {
                initial = Arrays.stream(line.substring(INITIAL.length()).split(","))
                        .map(String::strip)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
            }
        }
        assertTrue(valid != !expected.isEmpty(), file + " must say either '# expect-valid' or '# expect-error: ...'");
        Set<String> variables = initial;
        if (valid) {
            assertDoesNotThrowInvalid(source, variables);
        } else {
            InvalidProgramException e = assertThrows(
                    InvalidProgramException.class, () -> Programs.parse(source, StandardModules.registry(), variables));
            assertEquals(expected, e.errors().stream().map(ProgramError::format).toList());
        }
    }

    private static void assertDoesNotThrowInvalid(String source, Set<String> initial) {
        try {
            Programs.parse(source, StandardModules.registry(), initial);
        } catch (InvalidProgramException e) {
            throw new AssertionError("expected a valid program but got:\n" + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
