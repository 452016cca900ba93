package org.sdvp.core.program;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** "Did you mean ...?" for misspelt module names: the known names nearest by edit distance. */
final class Suggestions {
    private static final int MAX_LISTED = 3;

    private Suggestions() {}

    /**
     * The known names at the smallest edit distance (case-insensitive) from {@code name}, if that distance
     * is at most half the name's length (beyond that a suggestion is noise); ties go to the longest shared
     * prefix, since a misspelling usually keeps the start ({@code CROP_NOT} is nearer {@code CROP_ABOVE}
     * than {@code CROP}). At most three, in the order of {@code known}.
     */
    static List<String> nearest(String name, Collection<String> known) {
        String key = name.toUpperCase(Locale.ROOT);
        int limit = Math.max(1, key.length() / 2);
        int bestDistance = Integer.MAX_VALUE, bestPrefix = -1;
        List<String> best = new ArrayList<>();
        for (String candidate : known) {
            String other = candidate.toUpperCase(Locale.ROOT);
            int distance = distance(key, other);
            if (distance > limit) continue;
            int prefix = commonPrefix(key, other);
            if (distance < bestDistance || (distance == bestDistance && prefix > bestPrefix)) {
                best.clear();
                bestDistance = distance;
                bestPrefix = prefix;
            }
            if (distance == bestDistance && prefix == bestPrefix && best.size() < MAX_LISTED) best.add(candidate);
        }
        return best;
    }

    /** "A", "A or B", "A, B or C". */
    static String alternatives(List<String> names) {
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** Levenshtein distance, two rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitute, Math.min(previous[j] + 1, row[j - 1] + 1));
            }
            int[] swap = previous;
            previous = row;
            row = swap;
        }
        return previous[b.length()];
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length()), i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) i++;
        return i;
    }
}
