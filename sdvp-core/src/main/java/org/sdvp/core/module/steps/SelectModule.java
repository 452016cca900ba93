package org.sdvp.core.module.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Scores;
import org.sdvp.core.value.Segment;
import org.sdvp.core.value.SegmentsValue;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/**
 * {@code SELECT(image=IMAGE,object=OBJ0,query='red',category=None)}: for each comma-separated query, the
 * object whose crop matches it best (image–text matching model), labelled with the query. With a
 * category, the text matched is "query category" (e.g. "red cube").
 *
 * <p>Over instance masks (SEG's result) it selects masks and returns masks, so an edit can follow; as in
 * VisProg, a query equal to a mask's category label takes every mask of that category without a model call.
 */
public final class SelectModule extends AbstractStepModule {
    public SelectModule() {
        super(
                "SELECT",
                ValueType.BOXES,
                "for each comma-separated query, the best matching object (boxes or masks)",
                Param.required("image", ValueType.IMAGE),
                Param.required("object", ValueType.BOXES),
                Param.required("query", ValueType.TEXT),
                Param.optional("category", ValueType.TEXT));
    }

    @Override
    public Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        ImageValue image = image(args, "image");
        List<Detection> objects = boxes(args, "object").detections();
        SegmentsValue masks = args.get("object") instanceof SegmentsValue s ? s : null;
        String category = args.containsKey("category") ? text(args, "category").strip() : "";
        List<ImageValue> crops = new ArrayList<>();
        for (Detection d : objects) crops.add(CropModule.around(image, d.box()));
        List<Detection> selected = new ArrayList<>();
        List<Segment> selectedMasks = new ArrayList<>();
        for (String rawQuery : text(args, "query").split(",")) {
            String query = rawQuery.strip();
            if (query.isEmpty() || objects.isEmpty()) continue;
            List<Integer> chosen = byLabel(objects, query);
            double score = 1.0;
            if (chosen.isEmpty()) {
                String phrase = category.isEmpty() ? query : query + " " + category;
                List<Double> p = ctx.matchAll(
                        crops.stream().map(c -> new MatchRequest(c, phrase)).toList());
                int best = Scores.firstBest(p);
                chosen = List.of(best);
                score = p.get(best);
            }
            for (int i : chosen) {
                selected.add(new Detection(objects.get(i).box(), query, score));
                if (masks != null)
                    selectedMasks.add(new Segment(masks.segments().get(i).mask(), query, score));
            }
        }
        return masks != null ? masks.withSegments(selectedMasks) : new BoxesValue(selected);
    }

    /** Objects whose label is the query itself (a segmenter's category), as VisProg's string match. */
    private static List<Integer> byLabel(List<Detection> objects, String query) {
        String q = query.toLowerCase(Locale.ROOT);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).label().toLowerCase(Locale.ROOT).equals(q)) out.add(i);
        }
        return out;
    }
}
