package org.sdvp.world.question;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.Scene;

/** Random noun phrases: ones that pick out exactly one object, and loose ones for existence and counting. */
public final class Referring {
    private Referring() {}

    /**
     * A description that, among {@code among}, matches {@code target} only, never using {@code excluded}
     * (the attribute being asked about); null if none exists. Attributes are added in random order until the
     * description is unique, the shape first three times out of four, as people name things.
     */
    public static Description unique(
            Scene s, List<Integer> among, int target, Attribute excluded, SplittableRandom rng) {
        List<Attribute> order = new ArrayList<>(List.of(Attribute.SIZE, Attribute.COLOR, Attribute.MATERIAL));
        shuffle(order, rng);
        if (rng.nextInt(4) != 0) order.add(0, Attribute.SHAPE);
        else order.add(rng.nextInt(order.size() + 1), Attribute.SHAPE);
        order.remove(excluded);
        Description d = Description.ANY;
        // a lone candidate ("the object to the left of the cube") is named bare or by one attribute, at random
        if (count(s, among, d) == 1) return rng.nextBoolean() ? d : extend(s, d, order, target);
        for (Attribute a : order) {
            d = d.with(a, s.object(target).get(a));
            if (count(s, among, d) == 1) return d;
        }
        return null;
    }

    private static Description extend(Scene s, Description d, List<Attribute> order, int target) {
        return d.with(order.get(0), s.object(target).get(order.get(0)));
    }

    /** A random description with 1–{@code max} attributes drawn from the vocabulary. */
    public static Description loose(SplittableRandom rng, int max) {
        List<Attribute> order = new ArrayList<>(List.of(Attribute.values()));
        shuffle(order, rng);
        int k = 1 + rng.nextInt(max);
        Description d = Description.ANY;
        for (int i = 0; i < k; i++) d = d.with(order.get(i), pick(rng, order.get(i)));
        return d;
    }

    /** Like {@link #loose} but built from a present object's attributes, so "yes" is reachable. */
    public static Description of(Scene s, int target, SplittableRandom rng, int max) {
        List<Attribute> order = new ArrayList<>(List.of(Attribute.values()));
        shuffle(order, rng);
        int k = 1 + rng.nextInt(max);
        Description d = Description.ANY;
        for (int i = 0; i < k; i++) d = d.with(order.get(i), s.object(target).get(order.get(i)));
        return d;
    }

    public static int count(Scene s, List<Integer> among, Description d) {
        int n = 0;
        for (int i : among) if (d.matches(s.object(i))) n++;
        return n;
    }

    public static List<Integer> all(Scene s) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) out.add(i);
        return out;
    }

    public static String pick(SplittableRandom rng, Attribute a) {
        return a.vocabulary().get(rng.nextInt(a.vocabulary().size()));
    }

    /** A value of {@code a} other than {@code not}. */
    public static String other(SplittableRandom rng, Attribute a, String not) {
        List<String> rest = new ArrayList<>(a.vocabulary());
        rest.remove(not);
        return rest.get(rng.nextInt(rest.size()));
    }

    static <T> void shuffle(List<T> l, SplittableRandom rng) {
        for (int i = l.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T t = l.get(i);
            l.set(i, l.get(j));
            l.set(j, t);
        }
    }

    /** "red" → "red", "cube" → "a cube": how a value reads after "is". */
    public static String predicate(Attribute a, String v) {
        return a == Attribute.SHAPE ? "a " + v : v;
    }

    public static String number(int n) {
        String[] w = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        return n >= 0 && n < w.length ? w[n] : Integer.toString(n);
    }
}
