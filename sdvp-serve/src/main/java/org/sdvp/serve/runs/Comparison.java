package org.sdvp.serve.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The questions of one task under two rows, side by side, and the filters of the question list. When a row
 * has only {@code results.json}'s misses, a question it did not miss was answered right.
 */
public final class Comparison {
    /** One row's answer to a question. */
    public record Answer(String shown, boolean right, boolean recorded) {
        static Answer of(QuestionRecord r, QuestionSet set) {
            if (r != null) return new Answer(r.shown(), r.right(), true);
            return set.complete() ? new Answer("(not evaluated)", false, false) : new Answer("(right)", true, false);
        }
    }

    public record Pair(String id, String type, String question, String gold, Answer a, Answer b) {
        /** The answers differ (for a row without its answers recorded: right against wrong). */
        public boolean changed() {
            return a.recorded() && b.recorded() ? !a.shown().equals(b.shown()) : a.right() != b.right();
        }

        public boolean fixed() {
            return !a.right() && b.right();
        }

        public boolean broken() {
            return a.right() && !b.right();
        }
    }

    /** Right/wrong filters of the question list. */
    public enum Outcome {
        ANY,
        FIXED,
        BROKEN,
        BOTH_RIGHT,
        BOTH_WRONG,
        A_WRONG,
        B_WRONG;

        public static Outcome parse(String s) {
            if (s == null || s.isBlank()) return ANY;
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown outcome filter '" + s + "'");
            }
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        boolean test(Pair p) {
            return switch (this) {
                case ANY -> true;
                case FIXED -> p.fixed();
                case BROKEN -> p.broken();
                case BOTH_RIGHT -> p.a().right() && p.b().right();
                case BOTH_WRONG -> !p.a().right() && !p.b().right();
                case A_WRONG -> !p.a().right();
                case B_WRONG -> !p.b().right();
            };
        }
    }

    /** @param type empty or null for every type; @param changed null for either */
    public record Filter(String type, Outcome outcome, Boolean changed) {
        public boolean test(Pair p) {
            return (type == null || type.isEmpty() || type.equals(p.type()))
                    && outcome.test(p)
                    && (changed == null || changed == p.changed());
        }
    }

    private final List<Pair> pairs;
    private final boolean complete;

    public Comparison(QuestionSet a, QuestionSet b) {
        Map<String, QuestionRecord> ra = a.byId(), rb = b.byId();
        Map<String, QuestionRecord> any = new LinkedHashMap<>(ra);
        rb.forEach(any::putIfAbsent);
        List<Pair> out = new ArrayList<>(any.size());
        for (QuestionRecord q : any.values()) {
            out.add(new Pair(
                    q.id(),
                    q.type(),
                    q.question(),
                    q.gold(),
                    Answer.of(ra.get(q.id()), a),
                    Answer.of(rb.get(q.id()), b)));
        }
        this.pairs = List.copyOf(out);
        this.complete = a.complete() && b.complete();
    }

    public List<Pair> pairs() {
        return pairs;
    }

    /** False when a side had only its misses: the list then holds the questions either row got wrong. */
    public boolean complete() {
        return complete;
    }

    public List<Pair> filter(Filter f) {
        return pairs.stream().filter(f::test).toList();
    }

    public List<String> types() {
        TreeSet<String> t = new TreeSet<>();
        pairs.forEach(p -> t.add(p.type()));
        return List.copyOf(t);
    }

    public long count(java.util.function.Predicate<Pair> p) {
        return pairs.stream().filter(p).count();
    }
}
