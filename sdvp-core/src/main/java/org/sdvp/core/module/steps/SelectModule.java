package org.sdvp.core.module.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/**
 * {@code SELECT(image=IMAGE,object=OBJ0,query='red',category=None)}: for each comma-separated query, the
 * object whose crop matches it best (image–text matching model), labelled with the query. With a
 * category, the text matched is "query category" (e.g. "red cube").
 */
public final class SelectModule extends AbstractStepModule {
    public SelectModule() {
        super("SELECT", ValueType.BOXES, "for each comma-separated query, the best matching object",
                Param.required("image", ValueType.IMAGE), Param.required("object", ValueType.BOXES),
                Param.required("query", ValueType.TEXT), Param.optional("category", ValueType.TEXT));
    }

    @Override
    public Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        ImageValue image = image(args, "image");
        List<Detection> objects = boxes(args, "object").detections();
        String category = args.containsKey("category") ? text(args, "category").strip() : "";
        List<ImageValue> crops = new ArrayList<>();
        for (Detection d : objects) crops.add(CropModule.around(image, d.box()));
        List<Detection> selected = new ArrayList<>();
        for (String rawQuery : text(args, "query").split(",")) {
            String query = rawQuery.strip();
            if (query.isEmpty() || objects.isEmpty()) continue;
            String phrase = category.isEmpty() ? query : query + " " + category;
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < objects.size(); i++) {
                double p = ctx.match(new MatchRequest(crops.get(i), phrase));
                if (p > bestScore) {
                    bestScore = p;
                    best = i;
                }
            }
            selected.add(new Detection(objects.get(best).box(), query, bestScore));
        }
        return new BoxesValue(selected);
    }
}
