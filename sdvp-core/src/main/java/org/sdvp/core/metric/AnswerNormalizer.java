package org.sdvp.core.metric;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The standard VQA answer normalisation, so that "Two.", "2" and "two" compare equal: lower case,
 * punctuation removed (a decimal point between digits is kept; a comma between digits and apostrophes are
 * deleted rather than spaced), articles dropped, number words up to ten
 * written as digits, whitespace collapsed. Booleans in any spelling ("True", "yes") become {@code yes}/{@code no}.
 */
public final class AnswerNormalizer {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("none", "0"),
            Map.entry("zero", "0"),
            Map.entry("one", "1"),
            Map.entry("two", "2"),
            Map.entry("three", "3"),
            Map.entry("four", "4"),
            Map.entry("five", "5"),
            Map.entry("six", "6"),
            Map.entry("seven", "7"),
            Map.entry("eight", "8"),
            Map.entry("nine", "9"),
            Map.entry("ten", "10"),
            Map.entry("true", "yes"),
            Map.entry("false", "no"));
    private static final Pattern PUNCTUATION = Pattern.compile("(?!(?<=\\d)\\.(?=\\d))[\\p{Punct}]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DIGIT_COMMA = Pattern.compile("(?<=\\d),(?=\\d)");

    private AnswerNormalizer() {}

    public static String normalize(String answer) {
        // as the VQA evaluation script does: "1,000" is 1000, and an apostrophe joins ("don't" = "dont")
        String joined = DIGIT_COMMA
                .matcher(answer.toLowerCase(Locale.ROOT))
                .replaceAll("")
                .replace("'", "");
        String s = PUNCTUATION.matcher(joined).replaceAll(" ");
        StringBuilder out = new StringBuilder();
        for (String word : SPACES.split(s.strip())) {
            if (word.isEmpty() || word.equals("a") || word.equals("an") || word.equals("the")) continue;
            if (out.length() > 0) out.append(' ');
            out.append(WORDS.getOrDefault(word, stripTrailingZeros(word)));
        }
        return out.toString();
    }

    /** "3.0" → "3", so a numeric EVAL result matches an integer answer. */
    private static String stripTrailingZeros(String word) {
        if (word.matches("\\d+\\.0+")) return word.substring(0, word.indexOf('.'));
        return word;
    }
}
