package org.sdvp.data.oracle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.sdvp.core.io.DataException;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.PerRequestService;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.data.json.UncheckedDataException;

/**
 * LOC, VQA and MATCH answered from scene annotations.
 * <ul>
 *   <li>LOC: the objects matching the phrase whose box centre lies in the request image's region
 *       ({@link CropRule}), clipped
 *       to it, in the request image's coordinates, largest first, score 1.</li>
 *   <li>VQA: questions in the {@link QuestionForms}; "the X" is the matching object that lies most inside
 *       the region (a crop around an object is about that object). Relations come from the annotations;
 *       positions are thirds of the request image. Unknown forms or missing objects answer {@code unknown}
 *       (yes/no forms answer {@code no}), confidence 0.</li>
 *   <li>MATCH: the best intersection over union between the region and an object the text describes, so
 *       the crop around an object matches that object best (what SELECT and CLASSIFY need).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class SceneOracle {
    private final Function<String, AnnotatedScene> scenes;
    private final int size;
    private final Set<String> relations;

    /** Image file name → why its annotation entry could not be read (kind; file, position, reason). */
    private final Map<String, DataException> invalid;
    /**
     * The cuts of annotation files that end before their JSON does (kind {@code TRUNCATED_JSON}): an image
     * without annotations may have had its entry after one, and its question fails with that reason.
     */
    private final List<DataException> cuts;

    /** @param scenes image file name → annotations */
    public SceneOracle(Map<String, AnnotatedScene> scenes) {
        this(scenes, Map.of());
    }

    /**
     * @param scenes image file name → annotations
     * @param invalid image file name → why its annotation entry could not be read: a question on that image
     *     fails with this reason instead of "no scene annotations"
     */
    public SceneOracle(Map<String, AnnotatedScene> scenes, Map<String, DataException> invalid) {
        this(scenes, invalid, List.of());
    }

    /** As above, with the cuts of truncated annotation files (see {@link #cuts}). */
    public SceneOracle(
            Map<String, AnnotatedScene> scenes, Map<String, DataException> invalid, List<DataException> cuts) {
        this(Map.copyOf(scenes)::get, scenes.size(), relationNames(scenes.values()), invalid, cuts);
    }

    /**
     * Scenes looked up one at a time (e.g. read from an indexed file on demand), so that they need not all be
     * held.
     *
     * @param scenes        image file name → annotations, or null when there are none; may throw
     *                      {@link UncheckedDataException} (the question asking fails, the run goes on)
     * @param size          how many scenes there are
     * @param relationNames every relation name in the scenes ({@link #relationNames}): VQA reads questions by them
     */
    public SceneOracle(Function<String, AnnotatedScene> scenes, int size, Collection<String> relationNames) {
        this(scenes, size, relationNames, Map.of(), List.of());
    }

    /** As above, with the cuts of truncated annotation files (see {@link #cuts}). */
    public SceneOracle(
            Function<String, AnnotatedScene> scenes,
            int size,
            Collection<String> relationNames,
            List<DataException> cuts) {
        this(scenes, size, relationNames, Map.of(), cuts);
    }

    private SceneOracle(
            Function<String, AnnotatedScene> scenes,
            int size,
            Collection<String> relationNames,
            Map<String, DataException> invalid,
            List<DataException> cuts) {
        this.scenes = scenes;
        this.size = size;
        this.invalid = Map.copyOf(invalid);
        this.cuts = List.copyOf(cuts);
        TreeSet<String> names = new TreeSet<>(List.of(
                "to the left of",
                "to the right of",
                "above",
                "below",
                "on top of",
                "under",
                "behind",
                "in front of",
                "left",
                "right",
                "front"));
        names.addAll(relationNames);
        this.relations = Set.copyOf(names);
    }

    /** The relation names of {@code scenes}' objects. */
    public static Set<String> relationNames(Collection<AnnotatedScene> scenes) {
        Set<String> names = new HashSet<>();
        for (AnnotatedScene s : scenes) {
            for (SceneObject o : s.objects()) o.relations().forEach(r -> names.add(r.name()));
        }
        return names;
    }

    public int size() {
        return size;
    }

    /** The three services, named {@code name} in reports. */
    public ModelServices services(String name) {
        return ModelServices.builder(name)
                .loc(PerRequestService.of(this::locate))
                .vqa(PerRequestService.of(this::answer))
                .match(PerRequestService.of(this::match))
                .build();
    }

    AnnotatedScene scene(ImageValue image) throws ModelServiceException {
        AnnotatedScene s;
        try {
            s = scenes.apply(image.sourceId());
        } catch (UncheckedDataException e) {
            throw failure(e.getMessage(), e.getCause());
        }
        if (s == null && invalid.containsKey(image.sourceId())) {
            DataException why = invalid.get(image.sourceId());
            throw failure(
                    "the scene annotations of image '" + image.sourceId() + "' are invalid: " + why.getMessage(), why);
        }
        if (s == null && !cuts.isEmpty()) {
            // the entry may have been after the cut: counted as the cut's reason, naming it
            DataException cut = cuts.get(0);
            String files = cuts.size() == 1 ? "an annotation file is" : cuts.size() + " annotation files are";
            throw failure(
                    "no scene annotations for image '" + image.sourceId() + "', and " + files
                            + " cut off, so its entry may have been lost: " + cut.getMessage(),
                    cut);
        }
        if (s == null) throw new ModelServiceException("no scene annotations for image '" + image.sourceId() + "'");
        return s;
    }

    /**
     * A question's step failing for bad annotation data: counted by the data's reason ({@code wrong-field-type},
     * ...) rather than as {@code step-failed}, unless the data error has no finer kind.
     */
    private static ModelServiceException failure(String message, DataException why) {
        String reason =
                why.kind() == DataException.Kind.OTHER ? null : why.kind().code();
        return new ModelServiceException(message, reason, why);
    }

    public List<Detection> locate(LocRequest r) throws ModelServiceException {
        AnnotatedScene scene = scene(r.image());
        Box region = r.image().region();
        List<Detection> found = new ArrayList<>();
        for (SceneObject o : scene.objects()) {
            Box b = o.box();
            // the anchor of CROP_LEFTOF (centre on the edge) must not be found beside itself
            if (!CropRule.contains(region, b.centerX(), b.centerY()) || !PhraseMatcher.matches(o, r.object(), scene))
                continue;
            Box local = b.intersection(region).translate(-region.x1(), -region.y1());
            found.add(new Detection(local, r.object(), 1.0));
        }
        found.sort(Comparator.comparingDouble((Detection d) -> d.box().area()).reversed());
        return found;
    }

    public double match(MatchRequest r) throws ModelServiceException {
        AnnotatedScene scene = scene(r.image());
        double best = 0;
        for (SceneObject o : scene.objects()) {
            if (PhraseMatcher.matches(o, r.text(), scene))
                best = Math.max(best, o.box().iou(r.image().region()));
        }
        return best;
    }

    public VqaAnswer answer(VqaRequest r) throws ModelServiceException {
        AnnotatedScene scene = scene(r.image());
        Optional<QuestionForms.Parsed> parsed = QuestionForms.parse(r.question(), relations);
        if (parsed.isEmpty()) return new VqaAnswer("unknown", 0);
        Optional<String> a = new OracleAnswerer(scene, r.image().region()).answer(parsed.get());
        return a.map(s -> new VqaAnswer(s, 1.0))
                .orElseGet(() -> new VqaAnswer(
                        parsed.get() instanceof QuestionForms.Verify
                                        || parsed.get() instanceof QuestionForms.VerifyPosition
                                        || parsed.get() instanceof QuestionForms.VerifyRelation
                                ? "no"
                                : "unknown",
                        0));
    }
}
