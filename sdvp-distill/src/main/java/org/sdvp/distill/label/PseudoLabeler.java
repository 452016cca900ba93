package org.sdvp.distill.label;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.sdvp.core.metric.AnswerMapping;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelRequest;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ServiceKind;
import org.sdvp.core.service.VqaDistributionService;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.distill.trace.SubTaskCall;
import org.sdvp.models.nn.GridBoxes;
import org.sdvp.models.teacher.TeacherModel;
import org.sdvp.models.teacher.TeacherServices;
import org.sdvp.models.vlm.VlmModel;

/**
 * SDVP steps 2–3: turns collected calls into targets in the student's output space (the adapter), after
 * answer-consistent filtering, skipping and counting what no teacher covers.
 *
 * <ul>
 *   <li>VQA: the teacher's answer distribution, re-indexed over the student's answer vocabulary and
 *       renormalised (answers the student cannot name are dropped; a call left with none counts as uncovered);</li>
 *   <li>MATCH: the teacher's match probability;</li>
 *   <li>LOC: the teacher's boxes encoded in the student's grid ({@link GridBoxes#encode}): objectness 0/1 and
 *       the box code; and, where the teacher answers LOC for "object", every object on the image with the
 *       cells whose object fits the phrase ({@link DistillTarget.ImageObjects}).</li>
 * </ul>
 * Each call goes through, in order: the filter ({@code inconsistent}), re-cutting its pixels
 * ({@code missingImage}), teacher coverage ({@code uncovered}), labelling, and the confidence threshold
 * ({@code unsure}, VQA and MATCH only). Teacher calls are batched ({@link #BATCH} per forward pass); the targets
 * keep the calls' order, so the same calls give the same set.
 */
public final class PseudoLabeler {
    /** Requests per teacher forward pass. */
    public static final int BATCH = 64;
    /** The phrase every object fits: the teacher's answer to it is the image's objects. */
    static final String ANY_OBJECT = "object";
    /** Two boxes at least this IoU apart are one object (the phrase's box and the any-object box). */
    static final double SAME_OBJECT = 0.7;

    private final VlmModel student;
    private final LabelOptions options;
    // borrowed: the caller owns (and closes) the teacher behind them
    private final ModelServices services;

    /**
     * @param teacher any backend's services: VQA labels are its answer distributions where it has them
     *                ({@link VqaDistributionService}: the task teachers), its top answers otherwise (an oracle)
     */
    public PseudoLabeler(ModelServices teacher, VlmModel student, LabelOptions options) {
        this.services = Objects.requireNonNull(teacher, "teacher");
        this.student = Objects.requireNonNull(student, "student");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A task teacher, borrowed ({@link TeacherServices#borrowing}). */
    public PseudoLabeler(TeacherModel teacher, VlmModel student, LabelOptions options) {
        this(TeacherServices.borrowing("teacher", Objects.requireNonNull(teacher, "teacher")), student, options);
    }

    /** A call that passed the filter and coverage, waiting for its label. */
    private record Pending(int order, ModelRequest request) {}

    /**
     * @throws ModelServiceException when the teacher fails on a batch
     */
    public Labelled label(List<SubTaskCall> calls) throws ModelServiceException {
        return label(calls, new CallImages());
    }

    /** As {@link #label(List)}, re-cutting images through {@code images} (shared cache, counts). */
    public Labelled label(List<SubTaskCall> calls, CallImages images) throws ModelServiceException {
        return label(calls, images, new DistillTarget[calls.size()]);
    }

    /**
     * As {@link #label(List, CallImages)}, also leaving each call's target at its index in {@code byCall} (null
     * where the call was dropped): what labelling a file in parts ({@link ClusterLabeler}) records per call.
     */
    public Labelled label(List<SubTaskCall> calls, CallImages images, DistillTarget[] byCall)
            throws ModelServiceException {
        if (byCall.length != calls.size())
            throw new IllegalArgumentException(byCall.length + " places for " + calls.size() + " calls");
        Counts n = new Counts(mappingFor(student));
        Map<ServiceKind, List<Pending>> pending = new TreeMap<>();
        for (ServiceKind k : ServiceKind.values()) pending.put(k, new ArrayList<>());
        for (int i = 0; i < calls.size(); i++) {
            SubTaskCall c = calls.get(i);
            n.calls.merge(c.kind(), 1, Integer::sum);
            ServiceKind kind = kindOf(c.kind());
            if (kind == null) {
                n.uncovered.merge(c.kind(), 1, Integer::sum);
                continue;
            }
            if (options.answerConsistentOnly() && !c.answerConsistent()) {
                n.inconsistent.merge(c.kind(), 1, Integer::sum);
                continue;
            }
            var pixels = images.image(c);
            if (pixels.isEmpty()) {
                n.missingImage.merge(c.kind(), 1, Integer::sum);
                continue;
            }
            ModelRequest r = request(kind, c, pixels.get());
            if (!covers(r)) {
                n.uncovered.merge(c.kind(), 1, Integer::sum);
                continue;
            }
            pending.get(kind).add(new Pending(i, r));
        }
        DistillTarget[] out = byCall;
        for (List<Pending> chunk : chunks(pending.get(ServiceKind.VQA))) labelVqa(chunk, out, n);
        for (List<Pending> chunk : chunks(pending.get(ServiceKind.MATCH))) labelMatch(chunk, out, n);
        for (List<Pending> chunk : chunks(pending.get(ServiceKind.LOC))) labelLoc(chunk, out, n);
        List<DistillTarget> kept = new ArrayList<>();
        for (DistillTarget t : out) if (t != null) kept.add(t);
        return new Labelled(
                DistillSet.of(kept),
                n.calls,
                n.inconsistent,
                n.uncovered,
                n.unsure,
                n.missingImage,
                n.mapping.unmappedAnswers());
    }

    private static final class Counts {
        final Map<String, Integer> calls = new TreeMap<>(),
                inconsistent = new TreeMap<>(),
                uncovered = new TreeMap<>(),
                unsure = new TreeMap<>(),
                missingImage = new TreeMap<>();
        // one per labelling pass: it counts the teacher's answers the student cannot name
        final AnswerMapping mapping;

        Counts(AnswerMapping mapping) {
            this.mapping = mapping;
        }
    }

    static ServiceKind kindOf(String kind) {
        for (ServiceKind k : ServiceKind.values()) if (k.name().equals(kind)) return k;
        return null;
    }

    private static ModelRequest request(ServiceKind kind, SubTaskCall c, BufferedImage pixels) {
        List<Double> r = c.region();
        ImageValue img = new ImageValue(pixels, c.sourceImage(), new Box(r.get(0), r.get(1), r.get(2), r.get(3)));
        return switch (kind) {
            case VQA -> new VqaRequest(img, c.text());
            case MATCH -> new MatchRequest(img, c.text());
            case LOC -> new LocRequest(img, c.text());
        };
    }

    private boolean covers(ModelRequest r) {
        if (r instanceof VqaRequest v)
            return services.vqa().map(s -> s.covers(v)).orElse(false);
        if (r instanceof MatchRequest m)
            return services.match().map(s -> s.covers(m)).orElse(false);
        LocRequest l = (LocRequest) r;
        return services.loc().map(s -> s.covers(l)).orElse(false);
    }

    private void labelVqa(List<Pending> chunk, DistillTarget[] out, Counts n) throws ModelServiceException {
        List<VqaRequest> reqs =
                chunk.stream().map(p -> (VqaRequest) p.request()).toList();
        List<Map<String, Double>> dists;
        try {
            dists = VqaDistributionService.distributions(services.vqa().orElseThrow(), reqs);
        } catch (RuntimeException e) {
            throw new ModelServiceException("teacher failed on a VQA batch: " + e.getMessage(), e);
        }
        for (int k = 0; k < chunk.size(); k++) {
            VqaRequest r = reqs.get(k);
            float[] probs = n.mapping.map(dists.get(k));
            if (probs == null) {
                n.uncovered.merge("VQA", 1, Integer::sum);
            } else if (options.minConfidence() > 0 && max(probs) < options.minConfidence()) {
                n.unsure.merge("VQA", 1, Integer::sum);
            } else {
                out[chunk.get(k).order()] = new DistillTarget.Vqa(r.image().pixels(), r.question(), probs);
            }
        }
    }

    /**
     * The adapter onto the student's answers: a teacher's distribution re-indexed over them and renormalised, null
     * when none of its answers (with positive probability) is in the student's vocabulary. An answer is looked up
     * as the student spells it, then by its normalised string ({@link AnswerMapping}: a foreign teacher's {@code
     * "Two"} is the student's {@code 2}); what neither finds is counted ({@link Labelled#unmappedAnswers}). Index
     * 0 (unknown) never gets mass: it is not an answer the student should learn to give.
     */
    private static AnswerMapping mappingFor(VlmModel student) {
        List<String> answers = new ArrayList<>(student.answers().tokens());
        answers.set(0, null);
        return new AnswerMapping(answers, a -> {
            int i = student.answerIndex(a);
            return i > 0 ? i : -1;
        });
    }

    private void labelMatch(List<Pending> chunk, DistillTarget[] out, Counts n) throws ModelServiceException {
        List<MatchRequest> reqs =
                chunk.stream().map(p -> (MatchRequest) p.request()).toList();
        List<Double> p = services.match().orElseThrow().apply(reqs);
        for (int k = 0; k < chunk.size(); k++) {
            double v = Math.max(0, Math.min(1, p.get(k)));
            if (options.minConfidence() > 0 && Math.max(v, 1 - v) < options.minConfidence()) {
                n.unsure.merge("MATCH", 1, Integer::sum);
            } else {
                out[chunk.get(k).order()] = new DistillTarget.Match(
                        reqs.get(k).image().pixels(), reqs.get(k).text(), (float) v);
            }
        }
    }

    /**
     * The teacher's boxes for each phrase, and — with {@link LabelOptions#imageObjects()}, where the teacher also
     * answers LOC for {@link #ANY_OBJECT} —
     * every object it finds on the image, each marked whether it fits the phrase (IoU ≥ {@link #SAME_OBJECT}
     * with one of the phrase's boxes). The any-object requests go in a batch of their own, so the phrases'
     * labels are those of a teacher asked for the phrases alone, to the bit.
     */
    private void labelLoc(List<Pending> chunk, DistillTarget[] out, Counts n) throws ModelServiceException {
        var loc = services.loc().orElseThrow();
        List<LocRequest> reqs = new ArrayList<>();
        for (Pending p : chunk) reqs.add((LocRequest) p.request());
        List<List<Detection>> found = loc.apply(reqs);
        List<LocRequest> any = new ArrayList<>();
        int[] objectsAt = new int[chunk.size()];
        for (int k = 0; k < chunk.size(); k++) {
            LocRequest r = new LocRequest(reqs.get(k).image(), ANY_OBJECT);
            objectsAt[k] = options.imageObjects() && loc.covers(r) ? any.size() : -1;
            if (objectsAt[k] >= 0) any.add(r);
        }
        List<List<Detection>> objects = any.isEmpty() ? List.of() : loc.apply(any);
        for (int k = 0; k < chunk.size(); k++) {
            BufferedImage img = reqs.get(k).image().pixels();
            List<Box> boxes = found.get(k).stream().map(Detection::box).toList();
            GridBoxes.Targets t = student.grid().encode(boxes, img.getWidth(), img.getHeight());
            DistillTarget.ImageObjects onImage = objectsAt[k] < 0
                    ? null
                    : imageObjects(boxes, objects.get(objectsAt[k]), img.getWidth(), img.getHeight());
            out[chunk.get(k).order()] =
                    new DistillTarget.Loc(img, reqs.get(k).object(), t.objectness(), t.box(), onImage);
        }
    }

    /** The image's objects (the phrase's boxes added where the any-object answer missed them) in grid code. */
    private DistillTarget.ImageObjects imageObjects(List<Box> phrase, List<Detection> anyObject, int w, int h) {
        List<Box> objects = new ArrayList<>();
        for (Detection d : anyObject) objects.add(d.box());
        for (Box b : phrase) if (objects.stream().noneMatch(o -> o.iou(b) >= SAME_OBJECT)) objects.add(b);
        GridBoxes.Targets t = student.grid().encode(objects, w, h);
        float[] fits = new float[t.owner().length];
        for (int c = 0; c < fits.length; c++) {
            int owner = t.owner()[c];
            if (owner >= 0 && phrase.stream().anyMatch(b -> b.iou(objects.get(owner)) >= SAME_OBJECT)) fits[c] = 1f;
        }
        return new DistillTarget.ImageObjects(t.objectness(), t.box(), fits);
    }

    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) out.add(all.subList(i, Math.min(all.size(), i + BATCH)));
        return out;
    }

    private static float max(float[] v) {
        float m = Float.NEGATIVE_INFINITY;
        for (float x : v) m = Math.max(m, x);
        return m;
    }
}
