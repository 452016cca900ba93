package org.sdvp.bench.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.module.ModuleRegistry;
import org.sdvp.core.module.steps.StandardModules;
import org.sdvp.core.program.Program;
import org.sdvp.core.program.Programs;
import org.sdvp.core.program.Step;
import org.sdvp.core.value.ValueType;

class VisProgFuzzTest {
    private static final ModuleRegistry REGISTRY = StandardModules.registry();
    private final VisProgGenerator generator = new VisProgGenerator(REGISTRY, Map.of("IMAGE", ValueType.IMAGE));

    @Test
    void everyGeneratedProgramPassesValidationAndEveryModuleIsCalled() throws Exception {
        Random random = new Random(17);
        Set<String> called = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            String source = generator.program(random, 8);
            Program program = Programs.parse(source, REGISTRY, Set.of("IMAGE")); // throws with every problem
            program.steps().stream().map(Step::module).forEach(called::add);
        }
        Set<String> all = new HashSet<>(REGISTRY.names());
        assertEquals(all, called, "modules never called: " + missing(all, called));
    }

    @Test
    void theMixedCorpusIsMostlyValidAndTheSameForASeed(@TempDir Path dir) throws Exception {
        List<String> ids = IntStream.range(0, 2000).mapToObj(i -> "test-" + i).toList();
        VisProgFuzz.Counts counts = VisProgFuzz.write(ids, dir.resolve("a.jsonl"), 17, 0.3, 0.2);
        VisProgFuzz.write(ids, dir.resolve("b.jsonl"), 17, 0.3, 0.2);

        assertEquals(2000, counts.total());
        int[] generated = counts.byKind().get("generated");
        assertEquals(generated[0], generated[1], "every unmutated program validates");
        assertTrue(counts.valid() >= 0.7 * counts.total(), "valid share: " + counts);
        int[] characters = counts.byKind().get("characters");
        assertTrue(characters[1] < characters[0] / 2, "character mutations mostly break programs: " + counts);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.jsonl")), Files.readAllBytes(dir.resolve("b.jsonl")));
        assertEquals(2000, Files.readAllLines(dir.resolve("a.jsonl")).size());
    }

    private static Set<String> missing(Set<String> all, Set<String> called) {
        Set<String> m = new HashSet<>(all);
        m.removeAll(called);
        return m;
    }
}
