package org.sdvp.serve.pages;

import java.util.Locale;
import java.util.function.Consumer;

/** The frame of every page: title, breadcrumbs, the stylesheet, and the scripts (ECharts only where charts are). */
final class Layout {
    static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";

    private Layout() {}

    /** @param crumbs label/href pairs leading to this page (the runs index first) */
    static String page(String title, boolean charts, Consumer<HtmlWriter> body, String... crumbs) {
        HtmlWriter h = new HtmlWriter();
        h.trusted("<!DOCTYPE html>")
                .open("html", "lang", "en")
                .open("head")
                .empty("meta", "charset", "utf-8")
                .el("title", title + " — sdvp serve")
                .empty("link", "rel", "stylesheet", "href", "/static/serve.css")
                .close("head")
                .open("body");
        h.open("nav").link("/", "runs");
        for (int i = 0; i + 1 < crumbs.length; i += 2) h.text(" › ").link(crumbs[i + 1], crumbs[i]);
        h.close("nav").el("h1", title);
        body.accept(h);
        if (charts) h.open("script", "src", ECHARTS).close("script");
        h.open("script", "src", "/static/serve.js")
                .close("script")
                .close("body")
                .close("html");
        return h.toString();
    }

    /** Points with one decimal: 0.4567 → "45.7". */
    static String points(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", 100 * v);
    }

    /** A signed change in points: 0.027 → "+2.7". */
    static String signed(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.1f", 100 * v);
    }

    /** A key/value table. */
    static void pairs(HtmlWriter h, java.util.Map<String, String> rows) {
        h.open("table", "class", "pairs");
        rows.forEach((k, v) ->
                h.open("tr").el("th", k).open("td").el("code", v).close("td").close("tr"));
        h.close("table");
    }
}
