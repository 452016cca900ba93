package org.sdvp.core.trace;

import java.util.List;
import java.util.Map;
import org.sdvp.core.io.Html;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.SegmentsValue;
import org.sdvp.core.value.Value;

/**
 * A VisProg-style visual rationale: one row per step with its inputs and output; images as embedded
 * thumbnails, boxes drawn on the image they were found in. The page needs no other file.
 */
public final class TraceHtml {
    private static final int THUMB = 192;
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
            h1{font-size:1.3em} .q{color:#555;margin-bottom:1em}
            table{border-collapse:collapse} td,th{border:1px solid #ddd;padding:.4em .6em;vertical-align:top}
            th{background:#f4f4f4;text-align:left} code{font-size:.92em}
            .err{color:#b00020;font-weight:bold} .ok{color:#1b5e20;font-weight:bold} .meta{color:#777;font-size:.85em}
            img{display:block;margin:.2em 0;border:1px solid #ccc}
            """;

    private TraceHtml() {}

    /**
     * @param title    e.g. the question
     * @param outcome  the final answer or the failure, shown under the table
     */
    public static String render(String title, Trace trace, String outcome, boolean failed) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body>");
        h.append("<h1>").append(Html.escape(title)).append("</h1>");
        h.append("<div class=\"q\">Initial: ");
        trace.initial().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> h.append("<b>")
                        .append(Html.escape(e.getKey()))
                        .append("</b> ")
                        .append(cell(e.getValue(), null)));
        h.append("</div><table><tr><th>#</th><th>step</th><th>inputs</th><th>output</th><th>model calls</th></tr>");
        for (StepRecord r : trace.steps()) {
            h.append("<tr><td>")
                    .append(r.index() + 1)
                    .append("<div class=\"meta\">line ")
                    .append(r.line())
                    .append("<br>")
                    .append(r.micros())
                    .append(" µs</div></td>");
            h.append("<td><code>").append(Html.escape(r.text())).append("</code></td><td>");
            r.inputs().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> h.append("<div><b>")
                            .append(Html.escape(e.getKey()))
                            .append("</b>: ")
                            .append(cell(e.getValue(), null))
                            .append("</div>"));
            h.append("</td><td>");
            if (r.error().isPresent()) {
                h.append("<span class=\"err\">")
                        .append(Html.escape(r.error().get()))
                        .append("</span>");
            } else {
                h.append("<b>")
                        .append(Html.escape(r.output()))
                        .append("</b> = ")
                        .append(cell(r.result().orElseThrow(), imageInput(r)));
            }
            h.append("</td><td class=\"meta\">");
            for (ModelCall c : r.calls()) {
                h.append(Html.escape(c.request().kind() + " \"" + c.request().text() + "\" → " + brief(c.response())))
                        .append("<br>");
            }
            for (ToolCall t : r.tools()) {
                h.append(Html.escape(t.tool() + (t.text().isEmpty() ? "" : " \"" + t.text() + "\"") + " → "
                                + toolBrief(t.response())))
                        .append("<br>");
            }
            h.append("</td></tr>");
        }
        h.append("</table><p class=\"")
                .append(failed ? "err" : "ok")
                .append("\">")
                .append(Html.escape(outcome))
                .append("</p></body></html>\n");
        return h.toString();
    }

    /** The image a step's boxes refer to: its {@code image} argument. */
    private static ImageValue imageInput(StepRecord r) {
        return r.inputs().get("image") instanceof ImageValue i ? i : null;
    }

    private static String cell(Value v, ImageValue boxesOn) {
        if (v instanceof ImageValue i) {
            return "<img src=\"" + Thumbnails.dataUri(i.pixels(), List.of(), THUMB) + "\"><span class=\"meta\">"
                    + Html.escape(i.sourceId() + " " + i.region()
                            + (i.isEdited() ? " edited: " + String.join("; ", i.edits()) : ""))
                    + "</span>";
        }
        if (v instanceof SegmentsValue s && boxesOn != null) {
            return "<img src=\""
                    + Thumbnails.dataUri(
                            Thumbnails.tintMasks(boxesOn.pixels(), s),
                            s.toBoxes().detections(),
                            THUMB) + "\"><span class=\"meta\">" + Html.escape(s.display()) + "</span>";
        }
        if (v instanceof BoxesValue b && boxesOn != null) {
            return "<img src=\"" + Thumbnails.dataUri(boxesOn.pixels(), b.detections(), THUMB) + "\">"
                    + "<span class=\"meta\">" + Html.escape(b.display()) + "</span>";
        }
        return "<code>" + Html.escape(v.display()) + "</code>";
    }

    /** SEG: "3 masks: cube, sphere, cube"; LIST: the items; REPLACE: its description. */
    private static String toolBrief(Object response) {
        if (response instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Detection) {
            return l.size() + " mask" + (l.size() == 1 ? "" : "s") + ": "
                    + String.join(
                            ", ", l.stream().map(d -> ((Detection) d).label()).toList());
        }
        if (response instanceof List<?> l)
            return l.isEmpty()
                    ? "nothing"
                    : String.join(", ", l.stream().map(String::valueOf).toList());
        return String.valueOf(response);
    }

    private static String brief(Object response) {
        if (response instanceof List<?> l) {
            return l.size() + " box" + (l.size() == 1 ? "" : "es")
                    + (l.isEmpty() || !(l.get(0) instanceof Detection d) ? "" : " (best " + d.box() + ")");
        }
        if (response instanceof Double d) return String.format(java.util.Locale.ROOT, "%.3f", d);
        if (response instanceof org.sdvp.core.service.VqaAnswer a) {
            return a.answer() + String.format(java.util.Locale.ROOT, " (%.2f)", a.confidence());
        }
        return String.valueOf(response);
    }
}
