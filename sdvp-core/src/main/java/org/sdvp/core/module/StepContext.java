package org.sdvp.core.module;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdvp.core.service.BatchingDispatcher;
import org.sdvp.core.service.Lister;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelRequest;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.Replacer;
import org.sdvp.core.service.Segmenter;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.trace.ModelCall;
import org.sdvp.core.trace.ToolCall;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Segment;
import org.sdvp.core.value.SegmentsValue;
import org.sdvp.core.value.Value;

/**
 * What a running step may use: the program's variables (read-only) and the models, through the shared
 * batching gateway. Every model call (and every SEG, REPLACE and LIST backend call) is recorded for the
 * trace. One context per step; not thread-safe.
 */
public final class StepContext {
    private final Map<String, Value> variables;
    private final ModelGateway gateway;
    private final List<ModelCall> calls = new ArrayList<>();
    private final List<ToolCall> tools = new ArrayList<>();

    public StepContext(Map<String, Value> variables, ModelGateway gateway) {
        this.variables = Map.copyOf(variables);
        this.gateway = gateway;
    }

    public Map<String, Value> variables() {
        return variables;
    }

    /** The model calls made so far by this step. */
    public List<ModelCall> calls() {
        return List.copyOf(calls);
    }

    /** The editing and knowledge backend calls (SEG, REPLACE, LIST) made so far by this step. */
    public List<ToolCall> tools() {
        return List.copyOf(tools);
    }

    public List<Detection> locate(LocRequest request) throws StepException {
        return call(gateway.loc(), "LOC (grounding)", request);
    }

    public VqaAnswer ask(VqaRequest request) throws StepException {
        return call(gateway.vqa(), "VQA", request);
    }

    public double match(MatchRequest request) throws StepException {
        return call(gateway.match(), "image-text matching", request);
    }

    /** Several matches at once, in order (one hand-off to the model; recorded as separate calls). */
    public List<Double> matchAll(List<MatchRequest> requests) throws StepException {
        return callAll(gateway.match(), "image-text matching", requests);
    }

    /** SEG: instance masks of {@code image}. */
    public List<Segment> segment(ImageValue image) throws StepException {
        Segmenter s = gateway.tools()
                .segmenter()
                .orElseThrow(() -> new StepException(
                        "no segmentation backend for SEG (--modules " + gateway.name() + "); pass --modules oracle "
                                + "(the world's exact instance masks) or a backend with a segmenter"));
        List<Segment> segments = tool(s, "SEG (segmentation)", () -> s.segment(image));
        tools.add(new ToolCall(
                "SEG",
                Optional.of(image),
                "",
                segments.stream().map(Segment::toDetection).toList(),
                gateway.name()));
        return segments;
    }

    /** REPLACE: the image with {@code objects} replaced by {@code prompt}. */
    public BufferedImage replace(ImageValue image, SegmentsValue objects, String prompt) throws StepException {
        Replacer r = gateway.tools()
                .replacer()
                .orElseThrow(() -> new StepException("no image-editing backend for REPLACE (--modules " + gateway.name()
                        + "); pass --modules oracle "
                        + "(the world re-renders the object) or a backend with an inpainting model"));
        BufferedImage out = tool(r, "REPLACE (inpainting)", () -> r.replace(image, objects, prompt));
        tools.add(new ToolCall(
                "REPLACE",
                Optional.of(image),
                prompt,
                objects.segments().size() + " object"
                        + (objects.segments().size() == 1 ? "" : "s") + " replaced ("
                        + String.join(
                                ", ",
                                objects.segments().stream().map(Segment::label).toList()) + ")",
                gateway.name()));
        return out;
    }

    /** LIST: at most {@code max} items answering {@code query}. */
    public List<String> list(String query, int max) throws StepException {
        Lister l = gateway.tools()
                .lister()
                .orElseThrow(() -> new StepException(
                        "no knowledge backend for LIST: pass --llm-base-url URL (an OpenAI-compatible endpoint) or "
                                + "--modules oracle (the world's attribute vocabularies)"));
        List<String> items = tool(l, "LIST (knowledge)", () -> l.list(query, max));
        tools.add(new ToolCall(
                "LIST", Optional.empty(), query + " (max " + max + ")", List.copyOf(items), gateway.name()));
        return items;
    }

    private interface BackendCall<O> {
        O run() throws ModelServiceException;
    }

    /** Tools are called directly; one call at a time per service, as {@code ModelService} promises its backends. */
    private static <O> O tool(Object service, String what, BackendCall<O> call) throws StepException {
        synchronized (service) {
            try {
                return call.run();
            } catch (ModelServiceException e) {
                throw new StepException(what + " backend failed: " + e.getMessage(), e);
            }
        }
    }

    private <I extends ModelRequest, O> O call(Optional<BatchingDispatcher<I, O>> dispatcher, String what, I request)
            throws StepException {
        return callAll(dispatcher, what, List.of(request)).get(0);
    }

    private <I extends ModelRequest, O> List<O> callAll(
            Optional<BatchingDispatcher<I, O>> dispatcher, String what, List<I> requests) throws StepException {
        if (dispatcher.isEmpty()) {
            throw new StepException("no model backend for " + what + " (--modules " + gateway.name()
                    + "); pass --modules oracle (scene annotations), vlm:DIR (a student checkpoint) or "
                    + "teacher:DIR,vlm:DIR");
        }
        try {
            List<O> answers = dispatcher.get().callAll(requests);
            for (int i = 0; i < requests.size(); i++)
                calls.add(new ModelCall(requests.get(i), answers.get(i), gateway.name()));
            return answers;
        } catch (ModelServiceException e) {
            throw new StepException(what + " backend failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepException("interrupted while waiting for the " + what + " model", e);
        }
    }
}
