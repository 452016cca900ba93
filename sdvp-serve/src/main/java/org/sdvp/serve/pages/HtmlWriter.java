package org.sdvp.serve.pages;

import java.util.regex.Pattern;
import org.sdvp.core.io.Html;

/**
 * Builds every page of the server. Text and attribute values always go through one escaping helper
 * ({@link Html#escape}); attribute values are always double-quoted. Tag and attribute names must be plain
 * constants (checked), so no data can open a tag, an attribute or a script. The only unescaped output is
 * {@link #trusted}, for markup made by this class earlier (a cached part of a page).
 */
public final class HtmlWriter {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final StringBuilder b = new StringBuilder(16_384);

    /** {@code <tag a="v" ...>}; {@code attrs} are name/value pairs, a null value omits the attribute. */
    public HtmlWriter open(String tag, String... attrs) {
        b.append('<').append(name(tag));
        attributes(attrs);
        b.append('>');
        return this;
    }

    public HtmlWriter close(String tag) {
        b.append("</").append(name(tag)).append('>');
        return this;
    }

    /** An element without content ({@code <img>}, {@code <input>}, {@code <br>}). */
    public HtmlWriter empty(String tag, String... attrs) {
        return open(tag, attrs);
    }

    /** {@code <tag attrs>text</tag>}. */
    public HtmlWriter el(String tag, Object text, String... attrs) {
        return open(tag, attrs).text(text).close(tag);
    }

    public HtmlWriter link(String href, Object text, String... attrs) {
        String[] all = new String[attrs.length + 2];
        all[0] = "href";
        all[1] = href;
        System.arraycopy(attrs, 0, all, 2, attrs.length);
        return el("a", text, all);
    }

    public HtmlWriter text(Object text) {
        b.append(Html.escape(String.valueOf(text)));
        return this;
    }

    /** Markup rendered by the project's own code from escaped parts; never data. */
    HtmlWriter trusted(String html) {
        b.append(html);
        return this;
    }

    private void attributes(String[] attrs) {
        if (attrs.length % 2 != 0) throw new IllegalArgumentException("attributes come in name/value pairs");
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i + 1] == null) continue;
            b.append(' ')
                    .append(name(attrs[i]))
                    .append("=\"")
                    .append(Html.escape(attrs[i + 1]))
                    .append('"');
        }
    }

    private static String name(String n) {
        if (!NAME.matcher(n).matches()) throw new IllegalArgumentException("not a tag or attribute name: " + n);
        return n;
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
