package org.sdvp.serve.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdvp.core.evaluation.RecordedPixels;
import org.sdvp.core.module.ModuleRegistry;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.module.StepModule;
import org.sdvp.core.module.steps.StandardModules;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.trace.Thumbnails;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.SegmentsValue;
import org.sdvp.core.value.Value;

/**
 * The pixels of a recorded trace's edited images, made again. A question file records every image as its
 * provenance (source, region, edits), so an edited image cannot be cut from the source: each editing step is run
 * again here with sdvp-core's own module on its recorded inputs ({@code COLORPOP}, {@code BGBLUR}, {@code EMOJI}
 * are deterministic, so these are the pixels the run saw and {@code sdvp run --html} shows), and every image the
 * trace records with that source and those edits — the step's result, a later step's input, a crop a model was
 * asked about — is cut from it. Steps are replayed in trace order, so an edit of an edited image builds on the
 * first edit's pixels.
 *
 * <p>{@code REPLACE} needs its image-editing backend (the world oracle, an inpainting model), which a read-only
 * server does not run, so the question file records its result's pixels ({@link RecordedPixels}) and they are
 * used as they are. Where they were not recorded (a file written before they were, or over the file's budget of
 * pixels), the result is drawn as its input with the replaced objects tinted (and later edits build on that),
 * captioned as such.
 */
final class EditedImages {
    private static final ModuleRegistry MODULES = StandardModules.registry();
    /** No backends: the modules replayed here call none. */
    private static final ModelGateway NO_MODELS = new ModelGateway(ModelServices.none());

    /** Said of an image drawn without its edit's pixels. */
    static final String TINTED = "(its pixels were not recorded: shown as its input with the edited objects tinted)";

    private record Key(String source, List<String> edits) {}

    private final Map<Key, ImageValue> made = new HashMap<>();

    /** The recorded edits of an image value, empty for an unedited one. */
    static List<String> edits(JsonNode image) {
        List<String> edits = new ArrayList<>();
        image.path("edits").forEach(e -> edits.add(e.asText()));
        return edits;
    }

    /** The image of {@code source} with {@code edits} over {@code region}, if a replayed step made it. */
    Optional<ImageValue> find(String source, Box region, List<String> edits) {
        ImageValue whole = made.get(new Key(source, edits));
        if (whole == null) return Optional.empty();
        if (whole.region().equals(region)) return Optional.of(whole);
        Box r = whole.region();
        if (region.x1() < r.x1() || region.y1() < r.y1() || region.x2() > r.x2() || region.y2() > r.y2()) {
            return Optional.empty();
        }
        try {
            return Optional.of(whole.crop(region.translate(-r.x1(), -r.y1())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs a step that produced an edited image again, on its (already rebuilt) inputs, and keeps the result
     * under the provenance the trace records for it.
     *
     * @param result the step's recorded result value (an image with edits)
     */
    void replay(JsonNode step, Map<String, Value> inputs, JsonNode result) {
        List<String> edits = edits(result);
        if (!(inputs.get("image") instanceof ImageValue input) || edits.equals(input.edits()))
            return; // no new edit (a crop)
        String module = step.path("module").asText("");
        Optional<StepModule> replayed = MODULES.find(module);
        if (replayed.isEmpty()) return;
        List<String> caption = edits;
        BufferedImage pixels =
                RecordedPixels.read(step, input.width(), input.height()).orElse(null);
        if (pixels == null) {
            try {
                pixels = replayed.get().execute(inputs, new StepContext(Map.of(), NO_MODELS)) instanceof ImageValue out
                                && out.width() == input.width()
                                && out.height() == input.height()
                        ? out.pixels()
                        : null;
            } catch (StepException | RuntimeException e) {
                pixels = null; // REPLACE without recorded pixels, or inputs the trace could not rebuild
            }
        }
        if (pixels == null) {
            if (!(inputs.get("object") instanceof SegmentsValue objects) || !objects.belongsTo(input)) return;
            pixels = Thumbnails.tintMasks(input.pixels(), objects);
            caption = new ArrayList<>(edits);
            caption.add(TINTED);
        }
        made.put(new Key(input.sourceId(), edits), new ImageValue(pixels, input.sourceId(), input.region(), caption));
    }
}
