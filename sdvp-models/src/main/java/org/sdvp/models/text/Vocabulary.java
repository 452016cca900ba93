package org.sdvp.models.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A closed, ordered list of tokens; a token's index is its row in an embedding or its class in a softmax.
 * Index 0 is always {@link #UNKNOWN}, so text outside the vocabulary still maps somewhere deterministic.
 *
 * <p>Immutable and thread-safe. The order is part of a checkpoint: it is stored in {@code config.json}.
 */
public final class Vocabulary {
    public static final String UNKNOWN = "<unk>";

    private final List<String> tokens;
    private final Map<String, Integer> index;

    public Vocabulary(List<String> tokens) {
        if (tokens.isEmpty() || !UNKNOWN.equals(tokens.get(0))) {
            throw new IllegalArgumentException("a vocabulary starts with " + UNKNOWN + ": " + tokens);
        }
        this.tokens = List.copyOf(tokens);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (m.put(Objects.requireNonNull(tokens.get(i)), i) != null) {
                throw new IllegalArgumentException("duplicate token '" + tokens.get(i) + "'");
            }
        }
        this.index = Collections.unmodifiableMap(m);
    }

    /**
     * Tokens seen at least {@code minCount} times, sorted, after {@link #UNKNOWN}. Sorting (not first-seen
     * order) makes the vocabulary independent of the order the data were read in.
     */
    public static Vocabulary build(Iterable<String> tokens, int minCount) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String t : tokens) counts.merge(t, 1, Integer::sum);
        List<String> out = new ArrayList<>();
        out.add(UNKNOWN);
        counts.forEach((t, c) -> {
            if (c >= minCount && !UNKNOWN.equals(t)) out.add(t);
        });
        return new Vocabulary(out);
    }

    public int size() {
        return tokens.size();
    }

    public List<String> tokens() {
        return tokens;
    }

    /** The token's index, or 0 ({@link #UNKNOWN}). */
    public int indexOf(String token) {
        return index.getOrDefault(token, 0);
    }

    public boolean contains(String token) {
        return index.containsKey(token);
    }

    public String token(int i) {
        return tokens.get(i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary(" + tokens.size() + " tokens)";
    }
}
