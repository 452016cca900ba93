package org.sdvp.models.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into lower-case words: runs of letters or digits. Punctuation and spacing carry no meaning in
 * the world's closed question language, so they are dropped (the answer "Yes." and "yes" are one word).
 */
public final class Tokenizer {
    private Tokenizer() {}

    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                cur.append(c);
            } else if (cur.length() > 0) {
                out.add(cur.toString());
                cur.setLength(0);
            }
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }

    /** The words and adjacent word pairs ("left_of") of a text: a bag of n-grams keeps some word order. */
    public static List<String> ngrams(String text, boolean bigrams) {
        List<String> w = words(text);
        List<String> out = new ArrayList<>(w);
        if (bigrams) {
            for (int i = 0; i + 1 < w.size(); i++) out.add(w.get(i) + "_" + w.get(i + 1));
        }
        return out;
    }

    /** The normalised form of an answer: its words joined by single spaces. */
    public static String answer(String text) {
        return String.join(" ", words(text));
    }
}
