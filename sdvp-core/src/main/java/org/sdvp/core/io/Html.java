package org.sdvp.core.io;

/** Escaping for the project's self-contained HTML pages (traces, reports). */
public final class Html {
    private Html() {}

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
