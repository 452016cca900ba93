package org.sdvp.core.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sdvp.core.io.Json;
import org.sdvp.core.value.Value;

/**
 * A trace as JSON lines: one object per step, in order; model calls carry their image's provenance. A step's
 * {@code calls} lists its model calls ({@code kind} LOC, VQA, MATCH), then its editing and knowledge backend
 * calls ({@code kind} SEG, REPLACE, LIST; {@code image} null for LIST).
 */
public final class TraceJsonl {
    private TraceJsonl() {}

    public static String render(Trace trace) {
        StringBuilder out = new StringBuilder();
        for (StepRecord r : trace.steps()) out.append(line(r)).append('\n');
        return out.toString();
    }

    public static String line(StepRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", r.index());
        m.put("line", r.line());
        m.put("text", r.text());
        m.put("module", r.module());
        m.put("output", r.output());
        Map<String, Object> inputs = new LinkedHashMap<>();
        r.inputs().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> inputs.put(e.getKey(), ValueJson.of(e.getValue())));
        m.put("inputs", inputs);
        m.put("result", r.result().map(ValueJson::of).orElse(null));
        List<Object> calls = new ArrayList<>();
        for (ModelCall c : r.calls()) {
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("kind", c.request().kind().name());
            call.put("image", ValueJson.of((Value) c.request().image()));
            call.put("text", c.request().text());
            call.put("response", ValueJson.response(c.response()));
            call.put("backend", c.backend());
            calls.add(call);
        }
        for (ToolCall t : r.tools()) { // after the model calls; readers tell them apart by kind
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("kind", t.tool());
            call.put("image", t.image().map(i -> ValueJson.of((Value) i)).orElse(null));
            call.put("text", t.text());
            call.put("response", ValueJson.response(t.response()));
            call.put("backend", t.backend());
            calls.add(call);
        }
        m.put("calls", calls);
        m.put("micros", r.micros());
        m.put("error", r.error().orElse(null));
        try {
            return Json.mapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("trace record not serialisable", e);
        }
    }
}
