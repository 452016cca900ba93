package org.sdvp.llm.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the program out of a chat reply. Chat models wrap programs in code fences, introduce them with a
 * sentence, or run on into another "Question:"; the validator should see only the program.
 *
 * <p>Rules: if the reply has a fenced block, only the first block counts. Then the program runs from the
 * first line that looks like a step ({@code NAME=MODULE(}) to the first step that assigns
 * {@code FINAL_RESULT}/{@code FINAL_ANSWER}, or else to the last step-like line before a new
 * {@code Question:}/{@code Statement:}. Lines in between are kept even if they are not step-like, so a
 * broken step reaches the validator (and the re-ask) instead of silently disappearing.
 */
public final class ProgramExtractor {
    private static final Pattern FENCE = Pattern.compile("```[^\\n]*\\n(.*?)(?:```|\\z)", Pattern.DOTALL);
    private static final Pattern STEP =
            Pattern.compile("^\\s*[A-Za-z_][A-Za-z0-9_]*\\s*=\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\(.*");
    private static final Pattern FINAL = Pattern.compile("^\\s*FINAL_(RESULT|ANSWER)\\s*=.*");
    private static final Pattern NEXT_QUESTION = Pattern.compile("^\\s*(Question|Statement)\\s*:.*");

    private static final Pattern PYTHON_START = Pattern.compile("^(import |from |def |class |@).*");

    private ProgramExtractor() {}

    /**
     * A Python program ({@code def execute_command(...)}) from a reply: the first fenced block if there is
     * one; otherwise from the first top-level {@code import}/{@code from}/{@code def}/{@code class} line up
     * to a new {@code Question:}/{@code Statement:} line or the end. Whatever is in between is kept, so a
     * broken line reaches the static check (and the re-ask) instead of silently disappearing.
     */
    public static String extractPython(String reply) {
        String text = reply.replace("\r\n", "\n");
        Matcher fence = FENCE.matcher(text);
        if (fence.find()) return fence.group(1).stripTrailing();
        List<String> lines = text.lines().toList();
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (out.isEmpty() && !PYTHON_START.matcher(line).matches()) continue;
            if (NEXT_QUESTION.matcher(line).matches()) break;
            out.add(line.stripTrailing());
        }
        return out.isEmpty() ? text.strip() : String.join("\n", out).strip();
    }

    public static String extract(String reply) {
        String text = reply.replace("\r\n", "\n");
        Matcher fence = FENCE.matcher(text);
        if (fence.find()) text = fence.group(1);
        List<String> lines = text.lines().toList();
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (STEP.matcher(lines.get(i)).matches()) {
                first = i;
                break;
            }
        }
        if (first < 0) return text.strip(); // nothing step-like: let the validator say what is wrong
        List<String> out = new ArrayList<>();
        int lastStep = -1;
        for (int i = first; i < lines.size(); i++) {
            String line = lines.get(i);
            if (NEXT_QUESTION.matcher(line).matches()) break;
            out.add(line.strip());
            if (STEP.matcher(line).matches()) lastStep = out.size() - 1;
            if (FINAL.matcher(line).matches()) break;
        }
        return String.join("\n", out.subList(0, lastStep + 1));
    }
}
