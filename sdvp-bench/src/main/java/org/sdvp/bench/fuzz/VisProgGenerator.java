package org.sdvp.bench.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sdvp.core.module.ModuleRegistry;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepModule;
import org.sdvp.core.module.steps.EvalModule;
import org.sdvp.core.value.ValueType;

/**
 * Writes random VisProg programs that pass validation, from the registry's signatures alone: each step calls
 * a module whose variable-typed parameters can be fed by a variable assigned earlier (of a type the
 * parameter accepts), its text and number parameters get literals (ordinary ones, and the odd empty, long or
 * non-ASCII one), optional parameters are sometimes passed, sometimes {@code None}, sometimes left out, and
 * {@code EVAL} gets an expression over the variables assigned so far. The last step is {@code RESULT}.
 *
 * <p>A module added to the registry is fuzzed without a change here: only the parameter types are read.
 * Deterministic for a given {@link Random}.
 */
public final class VisProgGenerator {
    static final List<String> OBJECTS = List.of(
            "cube",
            "sphere",
            "cylinder",
            "red cube",
            "small metal sphere",
            "large rubber cylinder",
            "thing",
            "object",
            "blue",
            "",
            "ü",
            "cube".repeat(60),
            "it's");
    static final List<String> QUESTIONS = List.of(
            "What color is it?",
            "Is there a cube?",
            "How many objects are there?",
            "What material is it?",
            "What size is it?",
            "",
            "Why?".repeat(80));
    private static final List<String> CATEGORIES = List.of("red,blue", "cube,sphere,cylinder", "metal,rubber", "");

    private static final String RESULT = "RESULT";

    private final ModuleRegistry registry;
    private final Map<String, ValueType> initial;
    private final List<StepModule> callable;

    /**
     * @param registry the modules to call
     * @param initial  the variables defined before the first step ({@code IMAGE} for single-image tasks)
     */
    public VisProgGenerator(ModuleRegistry registry, Map<String, ValueType> initial) {
        this.registry = registry;
        this.initial = Map.copyOf(initial);
        this.callable = registry.modules().stream()
                .filter(m -> !m.name().equals(RESULT))
                .toList();
    }

    /** A valid program of 1 to {@code maxSteps} steps plus {@code RESULT}. */
    public String program(Random random, int maxSteps) {
        Map<String, ValueType> vars = new LinkedHashMap<>(initial);
        StringBuilder out = new StringBuilder();
        int steps = 1 + random.nextInt(maxSteps);
        String last = null;
        for (int n = 0; n < steps; n++) {
            List<StepModule> options =
                    callable.stream().filter(m -> satisfiable(m, vars)).toList();
            StepModule module = options.get(random.nextInt(options.size()));
            String output = outputName(module.resultType(), n, vars, random);
            out.append(output).append('=').append(call(module, vars, random)).append('\n');
            vars.put(output, module.resultType());
            last = output;
        }
        // mostly the last step's value, as generated programs do; sometimes any variable
        String result = random.nextInt(4) == 0 ? pick(new ArrayList<>(vars.keySet()), random) : last;
        out.append("FINAL_RESULT=")
                .append(RESULT)
                .append("(var=")
                .append(result)
                .append(")\n");
        return out.toString();
    }

    /** The registry this generator reads. */
    public ModuleRegistry registry() {
        return registry;
    }

    private static boolean satisfiable(StepModule module, Map<String, ValueType> vars) {
        for (Param p : module.params()) {
            if (p.required()
                    && literal(p.type()) == null
                    && variablesOf(p.type(), vars).isEmpty()) return false;
        }
        return true;
    }

    private String call(StepModule module, Map<String, ValueType> vars, Random random) {
        List<String> args = new ArrayList<>();
        for (Param p : module.params()) {
            String value;
            if (module.name().equals(EvalModule.NAME) && p.name().equals(EvalModule.EXPR)) {
                value = quoteDouble(ExpressionGenerator.expression(vars, random));
            } else if (!p.required()) {
                int r = random.nextInt(3);
                if (r == 0) continue; // left out
                value = r == 1 ? "None" : argument(p.type(), vars, random);
                if (value == null) continue;
            } else {
                value = argument(p.type(), vars, random);
            }
            args.add(p.name() + "=" + value);
        }
        if (random.nextInt(5) == 0) java.util.Collections.shuffle(args, random); // keyword order is free
        return module.name() + "(" + String.join(",", args) + ")";
    }

    /** A variable of an accepted type (preferred when there is one) or a literal. */
    private static String argument(ValueType type, Map<String, ValueType> vars, Random random) {
        List<String> fitting = variablesOf(type, vars);
        LiteralKind literal = literal(type);
        if (!fitting.isEmpty() && (literal == null || random.nextInt(4) == 0)) return pick(fitting, random);
        if (literal == null) return null;
        return switch (literal) {
            case NUMBER -> Integer.toString(random.nextInt(8) == 0 ? -random.nextInt(5) : random.nextInt(12));
            case CATEGORIES -> quoteSingle(pick(CATEGORIES, random));
            case TEXT -> quoteSingle(random.nextBoolean() ? pick(OBJECTS, random) : pick(QUESTIONS, random));
        };
    }

    private enum LiteralKind {
        TEXT,
        NUMBER,
        CATEGORIES
    }

    private static LiteralKind literal(ValueType type) {
        return switch (type) {
            case TEXT, ANY -> LiteralKind.TEXT;
            case NUMBER -> LiteralKind.NUMBER;
            case TEXT_OR_LIST -> LiteralKind.CATEGORIES;
            default -> null;
        };
    }

    static List<String> variablesOf(ValueType type, Map<String, ValueType> vars) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, ValueType> e : vars.entrySet()) {
            if (type.accepts(e.getValue())) names.add(e.getKey());
        }
        return names;
    }

    /** VisProg's naming (BOX0, IMAGE1, ANSWER2, ...), or now and then an existing name assigned again. */
    private static String outputName(ValueType type, int n, Map<String, ValueType> vars, Random random) {
        if (random.nextInt(10) == 0) return pick(new ArrayList<>(vars.keySet()), random);
        String prefix = switch (type) {
            case IMAGE -> "IMAGE";
            case BOXES -> "BOX";
            case SEGMENTS -> "OBJ";
            case LIST -> "LIST";
            default -> "ANSWER";
        };
        return prefix + n;
    }

    static String quoteSingle(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String quoteDouble(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static <T> T pick(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }
}
