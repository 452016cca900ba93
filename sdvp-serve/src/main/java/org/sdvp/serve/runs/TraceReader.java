package org.sdvp.serve.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Images;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelRequest;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.trace.ModelCall;
import org.sdvp.core.trace.StepRecord;
import org.sdvp.core.trace.ToolCall;
import org.sdvp.core.trace.Trace;
import org.sdvp.core.value.BoolValue;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.ListValue;
import org.sdvp.core.value.Mask;
import org.sdvp.core.value.NoneValue;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.Segment;
import org.sdvp.core.value.SegmentsValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;

/**
 * A recorded question (a line of a question file) back as a {@link Trace}, so that sdvp-core's
 * {@code TraceHtml} draws it exactly as {@code sdvp run --html} does. Images are recorded as provenance
 * (source id and region); their pixels are cut again from the source image, found through the line's
 * {@code images} (paths relative to the task's data folder); edited images get the pixels of their edits, made
 * again ({@link EditedImages}). A source that cannot be read inside the runs folder is drawn as a grey
 * placeholder of the region's size, so the rationale still shows every step.
 */
public final class TraceReader {
    private static final java.util.Set<String> TOOLS = java.util.Set.of("SEG", "REPLACE", "LIST");
    private final Map<String, BufferedImage> sources = new HashMap<>();
    private final EditedImages edited = new EditedImages();
    private final Function<String, Optional<Path>> imageFile;

    /** @param imageFile a source id (file name) → its file, checked to lie under the runs folder */
    public TraceReader(Function<String, Optional<Path>> imageFile) {
        this.imageFile = imageFile;
    }

    public Trace read(JsonNode line) {
        Map<String, Value> initial = new LinkedHashMap<>();
        line.path("initial").fields().forEachRemaining(e -> initial.put(e.getKey(), value(e.getValue())));
        List<StepRecord> steps = new ArrayList<>();
        for (JsonNode s : line.path("steps")) {
            Map<String, Value> inputs = new LinkedHashMap<>();
            s.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), value(e.getValue())));
            List<ModelCall> calls = new ArrayList<>();
            List<ToolCall> tools = new ArrayList<>();
            for (JsonNode c : s.path("calls")) {
                if (TOOLS.contains(c.path("kind").asText())) tools.add(tool(c));
                else calls.add(call(c));
            }
            JsonNode result = s.get("result");
            if (result != null && "image".equals(result.path("type").asText())) {
                edited.replay(s, inputs, result);
            }
            JsonNode error = s.get("error");
            steps.add(new StepRecord(
                    s.path("step").asInt(),
                    s.path("line").asInt(),
                    s.path("text").asText(""),
                    s.path("module").asText(""),
                    s.path("output").asText(""),
                    inputs,
                    result == null || result.isNull() ? Optional.empty() : Optional.of(value(result)),
                    calls,
                    s.path("micros").asLong(),
                    error == null || error.isNull() ? Optional.empty() : Optional.of(error.asText()),
                    tools));
        }
        return new Trace(line.path("program").asText(""), initial, steps);
    }

    private Value value(JsonNode v) {
        return switch (v.path("type").asText()) {
            case "image" -> image(v.path("source").asText(""), box(v.path("region")), EditedImages.edits(v));
            case "boxes" -> new BoxesValue(detections(v.path("boxes")));
            case "segments" -> segments(v);
            case "text" -> new TextValue(v.path("value").asText(""));
            case "number" -> new NumberValue(v.path("value").asDouble());
            case "bool" -> BoolValue.of(v.path("value").asBoolean());
            case "list" -> {
                List<Value> items = new ArrayList<>();
                for (JsonNode i : v.path("items")) items.add(value(i));
                yield new ListValue(items);
            }
            default -> NoneValue.INSTANCE;
        };
    }

    /** An editing or knowledge backend call (SEG, REPLACE, LIST). */
    private ToolCall tool(JsonNode c) {
        JsonNode image = c.get("image");
        Optional<ImageValue> seen =
                image == null || image.isNull() ? Optional.empty() : Optional.of((ImageValue) value(image));
        JsonNode r = c.path("response");
        Object response;
        if (r.isArray() && r.size() > 0 && r.get(0).has("box")) response = detections(r);
        else if (r.isArray()) {
            List<String> items = new ArrayList<>();
            r.forEach(i -> items.add(i.asText()));
            response = items;
        } else response = r.asText("");
        return new ToolCall(
                c.path("kind").asText(),
                seen,
                c.path("text").asText(""),
                response,
                c.path("backend").asText(""));
    }

    private ModelCall call(JsonNode c) {
        ImageValue image = (ImageValue) value(c.path("image"));
        String text = c.path("text").asText("");
        ModelRequest request = switch (c.path("kind").asText()) {
            case "LOC" -> new LocRequest(image, text);
            case "MATCH" -> new MatchRequest(image, text);
            default -> new VqaRequest(image, text);
        };
        JsonNode r = c.path("response");
        Object response;
        if (r.isArray()) response = detections(r);
        else if (r.has("answer"))
            response = new VqaAnswer(
                    r.path("answer").asText(), r.path("confidence").asDouble());
        else if (r.isNumber()) response = r.asDouble();
        else response = r.asText("");
        return new ModelCall(request, response, c.path("backend").asText(""));
    }

    /**
     * An image as the trace records it: an edited one with the pixels its replayed edit made
     * ({@link EditedImages}), else the region of the source, still captioned with its edits.
     */
    private ImageValue image(String sourceId, Box region, List<String> edits) {
        if (edits.isEmpty()) return image(sourceId, region);
        return edited.find(sourceId, region, edits).orElseGet(() -> {
            ImageValue unedited = image(sourceId, region);
            return new ImageValue(unedited.pixels(), sourceId, region, edits);
        });
    }

    /** The region of a source image; the whole image when the region covers it. */
    public ImageValue image(String sourceId, Box region) {
        BufferedImage source = sources.computeIfAbsent(sourceId, this::load);
        if (source == null) return new ImageValue(placeholder(region), sourceId, region);
        ImageValue whole = ImageValue.source(sourceId, source);
        if (region.x1() <= 0
                && region.y1() <= 0
                && region.x2() >= source.getWidth()
                && region.y2() >= source.getHeight()) {
            return whole;
        }
        try {
            ImageValue crop = whole.crop(region);
            return new ImageValue(crop.pixels(), sourceId, region);
        } catch (IllegalArgumentException e) {
            return new ImageValue(placeholder(region), sourceId, region);
        }
    }

    private BufferedImage load(String sourceId) {
        return imageFile
                .apply(sourceId)
                .map(p -> {
                    try {
                        return Images.load(p).pixels();
                    } catch (DataException e) {
                        return null;
                    }
                })
                .orElse(null);
    }

    private static BufferedImage placeholder(Box region) {
        int w = (int) Math.max(1, Math.min(512, Math.round(region.width())));
        int h = (int) Math.max(1, Math.min(512, Math.round(region.height())));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.LIGHT_GRAY);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /** SEG's masks: run lengths over the region they were found in (as {@code ValueJson} writes them). */
    private static Value segments(JsonNode v) {
        Box region = box(v.path("region"));
        int w = (int) Math.round(region.width()), h = (int) Math.round(region.height());
        List<Segment> out = new ArrayList<>();
        for (JsonNode m : v.path("masks")) {
            BitSet bits = new BitSet(w * h);
            int at = 0;
            boolean set = false;
            for (JsonNode run : m.path("mask")) {
                if (set) bits.set(Math.min(at, w * h), Math.min(at + run.asInt(), w * h));
                at += run.asInt();
                set = !set;
            }
            out.add(new Segment(
                    new Mask(w, h, bits),
                    m.path("label").asText(""),
                    m.path("score").asDouble()));
        }
        return new SegmentsValue(v.path("source").asText(""), region, out);
    }

    public static Box box(JsonNode b) {
        if (!b.isArray() || b.size() != 4) return new Box(0, 0, 1, 1);
        double x1 = b.get(0).asDouble(),
                y1 = b.get(1).asDouble(),
                x2 = b.get(2).asDouble(),
                y2 = b.get(3).asDouble();
        return new Box(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
    }

    public static List<Detection> detections(JsonNode list) {
        List<Detection> out = new ArrayList<>();
        for (JsonNode d : list) {
            if (d.has("box"))
                out.add(new Detection(
                        box(d.get("box")),
                        d.path("label").asText(""),
                        d.path("score").asDouble()));
        }
        return out;
    }
}
