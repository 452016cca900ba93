package org.sdvp.viper.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.sdvp.core.module.StepException;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.BoolValue;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.ListValue;
import org.sdvp.core.value.Scores;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;

/**
 * The host side of the Python {@code ImagePatch} API: the one object a program's context can call into.
 *
 * <p>Patches are held here and named by integer handles, so program code only ever sees numbers and
 * strings, never a host object it could reflect on. Only the {@link HostAccess.Export} methods are
 * reachable from Python. Expected failures (a crop with no pixels, a model that cannot answer) do not
 * throw into the guest: the method returns {@code null} and {@link #last_error()} says why, and the prelude
 * raises a Python {@code ValueError} or {@code ViperModelError}.
 *
 * <p>Coordinates: see {@link #coord}. One instance per program run; not thread-safe.
 */
public final class ImagePatchApi {
    /** verify_property answers yes when the matching probability is above this, as a binary classifier. */
    public static final double VERIFY_THRESHOLD = 0.5;

    private final StepRecorder recorder;
    private final LlmQuery llm;
    private final List<Patch> patches = new ArrayList<>();
    private String lastError = "";

    /** @param llm answers {@code llm_query}; null when no language model is configured */
    public ImagePatchApi(StepRecorder recorder, LlmQuery llm) {
        this.recorder = recorder;
        this.llm = llm;
    }

    public ImagePatchApi(StepRecorder recorder) {
        this(recorder, null);
    }

    /** Registers an image given to {@code execute_command}; its handle starts a coordinate frame. */
    public int addRoot(ImageValue image) {
        patches.add(new Patch(image, patches.size(), image.region(), "image", 1.0));
        return patches.size() - 1;
    }

    /** The patch behind a handle. */
    public Patch patch(int handle) {
        if (handle < 0 || handle >= patches.size()) throw new IllegalArgumentException("no image patch #" + handle);
        return patches.get(handle);
    }

    public StepRecorder recorder() {
        return recorder;
    }

    /**
     * Coordinate {@code i} (0 left, 1 lower, 2 right, 3 upper) of a patch, in pixels of its root image with
     * y measured from the root's <em>bottom</em> edge (ViperGPT's convention; the core {@link Box} is y-down).
     */
    @HostAccess.Export
    public int coord(int handle, int i) {
        Patch p = patch(handle);
        Box root = patch(p.root()).image().region();
        Box r = p.image().region();
        double v = switch (i) {
            case 0 -> r.x1() - root.x1();
            case 1 -> root.y2() - r.y2();
            case 2 -> r.x2() - root.x1();
            case 3 -> root.y2() - r.y1();
            default -> throw new IllegalArgumentException("coordinate index must be 0..3: " + i);
        };
        return (int) Math.round(v);
    }

    /**
     * Like {@link #coord} but for the patch's exact box (a detection's box before rounding to pixels), as
     * a double. VisProg's crops are computed from exact boxes; translated programs use this to match them.
     */
    @HostAccess.Export
    public double exact(int handle, int i) {
        Patch p = patch(handle);
        Box root = patch(p.root()).image().region();
        Box b = p.box();
        return switch (i) {
            case 0 -> b.x1() - root.x1();
            case 1 -> root.y2() - b.y2();
            case 2 -> b.x2() - root.x1();
            case 3 -> root.y2() - b.y1();
            default -> throw new IllegalArgumentException("coordinate index must be 0..3: " + i);
        };
    }

    /** The same patch under another label and score (VisProg's SELECT and CLASSIFY relabel boxes). */
    @HostAccess.Export
    public int label(int handle, String label, double score) {
        Patch p = patch(handle);
        patches.add(new Patch(p.image(), p.root(), p.box(), label, score));
        return patches.size() - 1;
    }

    /** A crop of the patch; the box is relative to the patch, y from its bottom. No model: not a step. */
    @HostAccess.Export
    public Object crop(int handle, double left, double lower, double right, double upper) {
        Patch p = patch(handle);
        if (!(right > left) || !(upper > lower)) {
            return fail(
                    "ValueError",
                    "crop(" + num(left) + ", " + num(lower) + ", " + num(right) + ", " + num(upper)
                            + ") needs left < right and lower < upper");
        }
        double h = p.image().height();
        try {
            ImageValue c = p.image().crop(new Box(left, h - upper, right, h - lower));
            patches.add(new Patch(c, p.root(), c.region(), "crop", 1.0));
            return patches.size() - 1;
        } catch (IllegalArgumentException e) {
            return fail("ValueError", e.getMessage());
        }
    }

    /** Grounding: the handles of every detection of {@code name}, best first. */
    @HostAccess.Export
    public Object find(int handle, String name, int line) {
        Patch p = patch(handle);
        try {
            List<Detection> found = recorder.record(
                    line,
                    "find",
                    call("find", repr(name)),
                    inputs(p, "object", name),
                    ctx -> ctx.locate(new LocRequest(p.image(), name)),
                    BoxesValue::new);
            List<Object> handles = new ArrayList<>();
            for (Detection d : found) {
                try {
                    ImageValue c = p.image().crop(d.box());
                    patches.add(new Patch(c, p.root(), p.image().toSource(d.box()), name, d.score()));
                    handles.add(patches.size() - 1);
                } catch (IllegalArgumentException e) {
                    // A detection without pixels inside the patch cannot become an ImagePatch.
                }
            }
            return ProxyArray.fromList(handles);
        } catch (StepException e) {
            return fail("ModelError", e.getMessage());
        }
    }

    /** Grounding: whether {@code name} is found at least once. */
    @HostAccess.Export
    public Object exists(int handle, String name, int line) {
        Patch p = patch(handle);
        try {
            return recorder.record(
                    line,
                    "exists",
                    call("exists", repr(name)),
                    inputs(p, "object", name),
                    ctx -> !ctx.locate(new LocRequest(p.image(), name)).isEmpty(),
                    BoolValue::of);
        } catch (StepException e) {
            return fail("ModelError", e.getMessage());
        }
    }

    /** Image–text matching of "property name" on the patch, thresholded at {@link #VERIFY_THRESHOLD}. */
    @HostAccess.Export
    public Object verify_property(int handle, String name, String property, int line) {
        Patch p = patch(handle);
        String phrase = (property.strip() + " " + name.strip()).strip();
        Map<String, Value> in = inputs(p, "object", name);
        in.put("property", new TextValue(property));
        try {
            return recorder.record(
                    line,
                    "verify_property",
                    call("verify_property", repr(name), repr(property)),
                    in,
                    ctx -> ctx.match(new MatchRequest(p.image(), phrase)) > VERIFY_THRESHOLD,
                    BoolValue::of);
        } catch (StepException e) {
            return fail("ModelError", e.getMessage());
        }
    }

    /** Image–text matching: the option (with the prefix, if any) that best matches the patch. */
    @HostAccess.Export
    public Object best_text_match(int handle, org.graalvm.polyglot.Value options, String prefix, int line) {
        Patch p = patch(handle);
        List<String> opts = strings(options);
        if (opts.isEmpty()) return fail("ValueError", "best_text_match needs at least one option");
        Map<String, Value> in = inputs(p, "options", null);
        in.put("options", new ListValue(opts.stream().<Value>map(TextValue::new).toList()));
        if (!prefix.isEmpty()) in.put("prefix", new TextValue(prefix));
        try {
            return recorder.record(
                    line,
                    "best_text_match",
                    call("best_text_match", pyList(opts)),
                    in,
                    ctx -> {
                        List<Double> scores = ctx.matchAll(opts.stream()
                                .map(o -> new MatchRequest(p.image(), prefix.isEmpty() ? o : prefix + " " + o))
                                .toList());
                        return opts.get(Scores.firstBest(scores));
                    },
                    TextValue::new);
        } catch (StepException e) {
            return fail("ModelError", e.getMessage());
        }
    }

    /** Visual question answering on the patch. */
    @HostAccess.Export
    public Object simple_query(int handle, String question, int line) {
        Patch p = patch(handle);
        try {
            return recorder.record(
                    line,
                    "simple_query",
                    call("simple_query", repr(question)),
                    inputs(p, "question", question),
                    ctx -> ctx.ask(new VqaRequest(p.image(), question)).answer(),
                    TextValue::new);
        } catch (StepException e) {
            return fail("ModelError", e.getMessage());
        }
    }

    /**
     * Image–text matching: the index of the patch that best matches any of the texts (each patch scores
     * its best text).
     */
    @HostAccess.Export
    public Object best_image_match(org.graalvm.polyglot.Value handles, org.graalvm.polyglot.Value content, int line) {
        List<Patch> ps = new ArrayList<>();
        for (long i = 0; i < handles.getArraySize(); i++)
            ps.add(patch(handles.getArrayElement(i).asInt()));
        List<String> texts = strings(content);
        if (ps.isEmpty() || texts.isEmpty()) return fail("ValueError", "best_image_match needs patches and content");
        Map<String, Value> in = new LinkedHashMap<>();
        in.put("image", patch(ps.get(0).root()).image());
        in.put("patches", new BoxesValue(ps.stream().map(Patch::toDetection).toList()));
        in.put(
                "content",
                new ListValue(texts.stream().<Value>map(TextValue::new).toList()));
        try {
            int best = recorder.record(
                    line,
                    "best_image_match",
                    call("best_image_match", pyList(texts)),
                    in,
                    ctx -> {
                        List<MatchRequest> pairs = new ArrayList<>();
                        for (Patch patch : ps) for (String t : texts) pairs.add(new MatchRequest(patch.image(), t));
                        return Scores.firstBest(ctx.matchAll(pairs)) / texts.size();
                    },
                    i -> new BoxesValue(List.of(ps.get(i).toDetection())));
            return best;
        } catch (StepException e) {
            return fail("ModelError", e.getMessage());
        }
    }

    /**
     * Relative depth, larger is farther. The world's renderer exposes no depth map, so this is the
     * ground-plane heuristic: objects standing farther back appear higher in the picture, so the height of
     * the patch's lower edge above the bottom of its root image orders them by distance.
     */
    @HostAccess.Export
    public double depth(int handle) {
        return coord(handle, 1);
    }

    /** A text-only question to the configured language model; recorded as a step without model calls. */
    @HostAccess.Export
    public Object llm_query(String question, int line) {
        if (llm == null) {
            return fail(
                    "RuntimeError", "llm_query is not configured: this run has no LLM backend for ViperGPT programs");
        }
        try {
            return recorder.record(
                    line,
                    "llm_query",
                    call("llm_query", repr(question)),
                    Map.of("question", new TextValue(question)),
                    ctx -> {
                        try {
                            return llm.answer(question);
                        } catch (Exception e) {
                            throw new StepException("llm_query failed: " + e.getMessage(), e);
                        }
                    },
                    TextValue::new);
        } catch (StepException e) {
            return fail("ModelError", e.getMessage());
        }
    }

    /** {@code Kind:message} of the last failed call ({@code ValueError}, {@code RuntimeError} or {@code ModelError}). */
    @HostAccess.Export
    public String last_error() {
        return lastError;
    }

    private Object fail(String kind, String message) {
        lastError = kind + ":" + message;
        return null;
    }

    private static Map<String, Value> inputs(Patch p, String name, String text) {
        Map<String, Value> in = new LinkedHashMap<>();
        in.put("image", p.image());
        if (text != null) in.put(name, new TextValue(text));
        return in;
    }

    private static List<String> strings(org.graalvm.polyglot.Value list) {
        List<String> out = new ArrayList<>();
        if (list == null || !list.hasArrayElements()) return out;
        for (long i = 0; i < list.getArraySize(); i++) {
            org.graalvm.polyglot.Value v = list.getArrayElement(i);
            out.add(v.isString() ? v.asString() : v.toString());
        }
        return out;
    }

    /** {@code find('red cube')}: the call as it reads in Python, from arguments already rendered. */
    static String call(String method, String... renderedArgs) {
        return method + "(" + String.join(", ", renderedArgs) + ")";
    }

    /** A Python string literal. */
    private static String repr(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    private static String pyList(List<String> items) {
        return items.stream().map(ImagePatchApi::repr).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
