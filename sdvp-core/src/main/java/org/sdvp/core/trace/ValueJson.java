package org.sdvp.core.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.value.BoolValue;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.ListValue;
import org.sdvp.core.value.Mask;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.Segment;
import org.sdvp.core.value.SegmentsValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;

/**
 * JSON-ready summaries of values and model answers. Images are written as their provenance (source id and
 * region), never as pixels: a trace stays small, and the pixels can be cut again from the source image.
 */
public final class ValueJson {
    private ValueJson() {}

    public static Map<String, Object> of(Value v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", v.type().name().toLowerCase(java.util.Locale.ROOT));
        if (v instanceof ImageValue i) {
            m.put("source", i.sourceId());
            m.put("region", box(i.region()));
            if (i.isEdited()) m.put("edits", i.edits());
        } else if (v instanceof BoxesValue b) {
            m.put("boxes", detections(b.detections()));
        } else if (v instanceof SegmentsValue s) {
            m.put("source", s.sourceId());
            m.put("region", box(s.region()));
            List<Object> masks = new ArrayList<>();
            for (Segment seg : s.segments()) {
                Map<String, Object> one = new LinkedHashMap<>(detection(seg.toDetection()));
                one.put("area", seg.mask().area());
                one.put("mask", runLengths(seg.mask()));
                masks.add(one);
            }
            m.put("masks", masks);
        } else if (v instanceof TextValue t) {
            m.put("value", t.text());
        } else if (v instanceof NumberValue n) {
            m.put("value", n.value());
        } else if (v instanceof BoolValue b) {
            m.put("value", b.value());
        } else if (v instanceof ListValue l) {
            List<Object> items = new ArrayList<>();
            for (Value item : l.items()) items.add(of(item));
            m.put("items", items);
        }
        return m;
    }

    /** A model's answer: boxes, a VQA answer or a match probability. */
    public static Object response(Object response) {
        if (response instanceof VqaAnswer a) {
            // ordered: Map.of iterates in an order that changes from one JVM to the next, and calls files
            // written by different JVMs (sdvp-spark's executors, a re-run) must be byte-identical
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("answer", a.answer());
            m.put("confidence", a.confidence());
            return m;
        }
        if (response instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object o : list) out.add(o instanceof Detection d ? detection(d) : String.valueOf(o));
            return out;
        }
        return response;
    }

    /** Row-major run lengths starting with an unset run, as the world's scenes.json writes masks. */
    public static List<Integer> runLengths(Mask mask) {
        List<Integer> counts = new ArrayList<>();
        boolean current = false;
        int run = 0;
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (mask.get(x, y) != current) {
                    counts.add(run);
                    current = !current;
                    run = 0;
                }
                run++;
            }
        }
        counts.add(run);
        return counts;
    }

    public static List<Double> box(Box b) {
        return List.of(b.x1(), b.y1(), b.x2(), b.y2());
    }

    private static List<Object> detections(List<Detection> ds) {
        List<Object> out = new ArrayList<>();
        for (Detection d : ds) out.add(detection(d));
        return out;
    }

    private static Map<String, Object> detection(Detection d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("box", box(d.box()));
        m.put("label", d.label());
        m.put("score", d.score());
        return m;
    }
}
