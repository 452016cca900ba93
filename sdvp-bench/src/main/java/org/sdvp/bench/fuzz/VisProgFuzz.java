package org.sdvp.bench.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sdvp.core.module.ModuleRegistry;
import org.sdvp.core.module.steps.StandardModules;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.program.Programs;
import org.sdvp.core.value.ValueType;

/**
 * The VisProg fuzz corpus of {@code scripts/chaos.sh fuzz-visprog}: one program per question id, as the
 * {@code --programs FILE} lines of {@code sdvp eval} ({@code {"id": ..., "program": ...}}).
 *
 * <pre>java -cp sdvp-bench.jar:lib/* org.sdvp.bench.fuzz.VisProgFuzz IDS OUT SEED [STRUCTURAL CHARACTERS]</pre>
 *
 * Each program is generated from {@link StandardModules#registry()} ({@link VisProgGenerator}); a share
 * {@code STRUCTURAL} (default 0.3) is then mutated step- and literal-wise, a share {@code CHARACTERS} (default
 * 0.2) character-wise ({@link ProgramMutator}). Prints how many of each kind were written and how many pass
 * parsing and validation, so the share that reaches the run stage is known before anything runs.
 */
public final class VisProgFuzz {
    /** What {@link #write} produced: programs by kind, and how many of each kind validate. */
    public record Counts(Map<String, int[]> byKind) {
        public int total() {
            return byKind.values().stream().mapToInt(c -> c[0]).sum();
        }

        public int valid() {
            return byKind.values().stream().mapToInt(c -> c[1]).sum();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            byKind.forEach((kind, c) -> s.append(kind)
                    .append(' ')
                    .append(c[0])
                    .append(" (valid ")
                    .append(c[1])
                    .append("); "));
            return s.append(String.format("total %d, valid %d (%.1f %%)", total(), valid(), 100.0 * valid() / total()))
                    .toString();
        }
    }

    private VisProgFuzz() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3 && args.length != 5) {
            System.err.println("usage: VisProgFuzz IDS_FILE OUT_JSONL SEED [STRUCTURAL_SHARE CHARACTER_SHARE]");
            System.exit(2);
        }
        List<String> ids = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .toList();
        double structural = args.length == 5 ? Double.parseDouble(args[3]) : 0.3;
        double characters = args.length == 5 ? Double.parseDouble(args[4]) : 0.2;
        Counts counts = write(ids, Path.of(args[1]), Long.parseLong(args[2]), structural, characters);
        System.out.println(counts);
    }

    /** Writes one program per id to {@code out}; deterministic for a seed. */
    public static Counts write(List<String> ids, Path out, long seed, double structural, double characters)
            throws IOException {
        ModuleRegistry registry = StandardModules.registry();
        Map<String, ValueType> initial = Map.of("IMAGE", ValueType.IMAGE);
        VisProgGenerator generator = new VisProgGenerator(registry, initial);
        Random random = new Random(seed);
        ObjectMapper json = new ObjectMapper();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String kind : List.of("generated", "structural", "characters")) counts.put(kind, new int[2]);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String id : ids) {
                String program = generator.program(random, 8);
                double r = random.nextDouble();
                String kind = r < characters ? "characters" : r < characters + structural ? "structural" : "generated";
                if (kind.equals("characters")) program = ProgramMutator.characters(program, random);
                else if (kind.equals("structural")) program = ProgramMutator.structural(program, random);
                int[] c = counts.get(kind);
                c[0]++;
                if (valid(program, registry)) c[1]++;
                w.write(json.writeValueAsString(Map.of("id", id, "program", program)));
                w.write('\n');
            }
        }
        return new Counts(counts);
    }

    static boolean valid(String program, ModuleRegistry registry) {
        try {
            Programs.parse(program, registry, java.util.Set.of("IMAGE"));
            return true;
        } catch (InvalidProgramException e) {
            return false;
        }
    }
}
