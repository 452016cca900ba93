package org.sdvp.serve.pages;

/** A page's query parameters (one value each). */
@FunctionalInterface
public interface Query {
    /** The parameter's value, or null. */
    String get(String name);

    default String required(String name) {
        String v = get(name);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("missing parameter '" + name + "'");
        return v;
    }

    default String or(String name, String fallback) {
        String v = get(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
