package org.sdvp.backends.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.sdvp.backends.config.LocSpec;
import org.sdvp.backends.config.Role;
import org.sdvp.backends.engine.HostTensor;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.ModelService;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.Suppression;

/**
 * LOC from per-box logits and normalised cx, cy, w, h boxes for the query text (OWL-ViT): score = σ(logit),
 * boxes at or above the threshold mapped back through the preprocessing to the image's pixels, clamped, then
 * greedy non-maximum suppression.
 */
final class OwnLocService implements ModelService<LocRequest, List<Detection>> {
    private final OwnModel model;

    OwnLocService(OwnModel model) {
        this.model = model;
    }

    @Override
    public Object prepare(LocRequest request) {
        return model.prepare(request.image(), request.object());
    }

    @Override
    public List<List<Detection>> apply(List<LocRequest> batch) throws ModelServiceException {
        return apply(batch, Collections.nCopies(batch.size(), null));
    }

    @Override
    public List<List<Detection>> apply(List<LocRequest> batch, List<Object> prepared) throws ModelServiceException {
        List<OwnModel.Prepared> in = OwnServices.prepared(batch, prepared, r -> model.prepare(r.image(), r.object()));
        Map<Role, HostTensor.Floats> out = OwnServices.run(model, in);
        float[] logits = out.get(Role.BOX_LOGITS).data(),
                boxes = out.get(Role.BOXES).data();
        int n = (int) out.get(Role.BOXES).shape()[1];
        LocSpec spec = model.folder().loc();
        List<List<Detection>> result = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            OwnModel.Prepared p = in.get(i);
            List<Detection> found = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                double score = 1 / (1 + Math.exp(-logits[i * n + k]));
                if (score < spec.thresholdOrDefault()) continue;
                int o = (i * n + k) * 4;
                Box b = p.image()
                        .placement()
                        .toImage(boxes[o], boxes[o + 1], boxes[o + 2], boxes[o + 3])
                        .clampTo(p.imageWidth(), p.imageHeight());
                if (!b.isEmpty()) found.add(new Detection(b, batch.get(i).object(), score));
            }
            result.add(Suppression.greedy(
                    found, Detection::box, Detection::score, spec.nmsOrDefault(), spec.maxBoxesOrDefault()));
        }
        return result;
    }
}
