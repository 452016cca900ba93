package org.sdvp.serve.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A page address with URL-encoded query parameters (null values left out). */
public final class Url {
    private final StringBuilder b;
    private char sep = '?';

    private Url(String path) {
        b = new StringBuilder(path);
    }

    public static Url of(String path) {
        return new Url(path);
    }

    public Url with(String name, Object value) {
        if (value == null) return this;
        b.append(sep).append(name).append('=').append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        sep = '&';
        return this;
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
