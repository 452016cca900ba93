package org.sdvp.core.module.steps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.ListValue;
import org.sdvp.core.value.Scores;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/**
 * {@code CLASSIFY(image=IMAGE,object=OBJ0,categories='red,blue,green')} (or {@code categories=LIST0}): each
 * object labelled with the category its crop matches best (image–text matching model), the match
 * probability as its score. VisProg keeps only the best object per category; here every object keeps its
 * label, so several objects may share one (tag every red cube).
 */
public final class ClassifyModule extends AbstractStepModule {
    public ClassifyModule() {
        super(
                "CLASSIFY",
                ValueType.BOXES,
                "label each object with its best matching category",
                Param.required("image", ValueType.IMAGE),
                Param.required("object", ValueType.BOXES),
                Param.required("categories", ValueType.TEXT_OR_LIST));
    }

    @Override
    public Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        ImageValue image = image(args, "image");
        List<String> categories = categories(args.get("categories"));
        if (categories.isEmpty()) throw new StepException("argument 'categories' names no category");
        List<Detection> objects = boxes(args, "object").detections();
        // every object × category pair in one hand-off: the model sees them as one batch
        List<MatchRequest> requests = new ArrayList<>(objects.size() * categories.size());
        for (Detection d : objects) {
            ImageValue crop = CropModule.around(image, d.box());
            for (String c : categories) requests.add(new MatchRequest(crop, c));
        }
        List<Double> p = ctx.matchAll(requests);
        List<Detection> labelled = new ArrayList<>();
        int n = categories.size();
        for (int o = 0; o < objects.size(); o++) {
            List<Double> scores = p.subList(o * n, (o + 1) * n);
            int best = Scores.firstBest(scores);
            labelled.add(new Detection(objects.get(o).box(), categories.get(best), scores.get(best)));
        }
        return new BoxesValue(labelled);
    }

    /** Comma-separated text, or a list of texts (LIST's result). */
    private static List<String> categories(Value v) throws StepException {
        List<String> raw = new ArrayList<>();
        if (v instanceof TextValue t) {
            raw.addAll(Arrays.asList(t.text().split(",")));
        } else if (v instanceof ListValue l) {
            for (Value item : l.items()) raw.add(item.display());
        } else {
            throw new StepException("argument 'categories' must be text or a list but is "
                    + (v == null ? "missing" : v.type().describe()));
        }
        return raw.stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }
}
