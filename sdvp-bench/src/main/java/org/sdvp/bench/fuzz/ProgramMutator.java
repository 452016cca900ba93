package org.sdvp.bench.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutations of a valid program. {@link #structural} works on steps and literals and keeps most programs valid
 * (a literal swapped for an empty, huge, escaped or non-ASCII one; a number made extreme; a step repeated;
 * two steps swapped or one deleted, which may leave a variable undefined). {@link #characters} works on the
 * text and almost always breaks it: deleted and inserted characters and tokens, cut and duplicated spans,
 * thousands of open parentheses, random Unicode.
 */
final class ProgramMutator {
    private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern NUMBER = Pattern.compile("(?<=[=(,\\s])-?\\d+(?=[),\\s])");
    private static final List<String> ODD_TEXT = List.of(
            "",
            " ",
            "\\n",
            "\\t",
            "\\\\",
            "\\'",
            "\\u00e9",
            "ü",
            "日本語",
            "🟥",
            "x".repeat(5000),
            "{IMAGE}",
            "None",
            "1e309",
            "' + '",
            "%s%s%s",
            "\\x00");
    private static final List<String> ODD_NUMBERS =
            List.of("0", "-1", "-0", "1e309", "9".repeat(40), "2147483648", "-9223372036854775809", "0.5", "1e-320");
    private static final List<String> TOKENS = List.of(
            "(",
            ")",
            "=",
            ",",
            "'",
            "\"",
            "{",
            "}",
            "\n",
            "IMAGE",
            "BOX0",
            "ANSWER0",
            "LOC",
            "EVAL",
            "expr=",
            "1e309",
            "-0",
            "9".repeat(40),
            "None",
            "\\",
            "\u0000",
            "é",
            "((((((((((",
            "FINAL_RESULT",
            "RESULT(var=",
            "#");

    private ProgramMutator() {}

    static String structural(String program, Random random) {
        List<String> steps = new ArrayList<>(Arrays.asList(program.split("\n")));
        int body = steps.size() - 1; // the last line is RESULT
        int i = random.nextInt(steps.size());
        switch (random.nextInt(6)) {
            case 0, 1 ->
                steps.set(
                        i,
                        replaceOne(STRING, steps.get(i), "'" + VisProgGenerator.pick(ODD_TEXT, random) + "'", random));
            case 2 ->
                steps.set(i, replaceOne(NUMBER, steps.get(i), VisProgGenerator.pick(ODD_NUMBERS, random), random));
            case 3 -> {
                if (body > 0) steps.add(random.nextInt(body) + 1, steps.get(random.nextInt(body)));
            }
            case 4 -> {
                if (body > 1) {
                    int a = random.nextInt(body);
                    int b = random.nextInt(body);
                    String t = steps.get(a);
                    steps.set(a, steps.get(b));
                    steps.set(b, t);
                }
            }
            default -> {
                if (body > 1) steps.remove(random.nextInt(body));
            }
        }
        return String.join("\n", steps) + "\n";
    }

    /** One match of {@code pattern} in {@code line} replaced, or the line unchanged when there is none. */
    private static String replaceOne(Pattern pattern, String line, String replacement, Random random) {
        Matcher m = pattern.matcher(line);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[] {m.start(), m.end()});
        if (spans.isEmpty()) return line;
        int[] s = spans.get(random.nextInt(spans.size()));
        return line.substring(0, s[0]) + replacement + line.substring(s[1]);
    }

    static String characters(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            double op = random.nextDouble();
            int i = random.nextInt(s.length() + 1);
            if (op < 0.3 && s.length() > 0) s.deleteCharAt(Math.min(i, s.length() - 1));
            else if (op < 0.6) s.insert(i, VisProgGenerator.pick(TOKENS, random));
            else if (op < 0.75 && s.length() > 0) {
                int j = random.nextInt(s.length() + 1);
                s.delete(Math.min(i, j), Math.max(i, j)); // a span cut out
            } else if (op < 0.85) {
                int from = random.nextInt(text.length());
                s.insert(i, text, from, Math.min(text.length(), from + 40)); // a piece duplicated
            } else if (op < 0.92) s.insert(i, "(".repeat(50 + random.nextInt(2950))); // deep nesting
            else s.insert(i, Character.toChars(1 + random.nextInt(0x2FFF)));
        }
        return s.toString();
    }
}
