package org.sdvp.backends.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sdvp.backends.config.MatchForm;
import org.sdvp.backends.config.MatchSpec;
import org.sdvp.backends.config.Role;
import org.sdvp.backends.engine.HostTensor;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelService;
import org.sdvp.core.service.ModelServiceException;

/**
 * MATCH from an image–text logit: one logit per pair ([batch] or [batch, 1]) → σ(scale · logit + bias); BLIP's
 * ITM pair of no/yes logits ([batch, 2]) → softmax, yes; CLIP's every-image-with-every-text matrix
 * ([batch, batch]) → its diagonal (image i with text i), calibrated like one logit.
 */
final class OwnMatchService implements ModelService<MatchRequest, Double> {
    private final OwnModel model;

    private final MatchForm form;

    OwnMatchService(OwnModel model) {
        this.model = model;
        this.form = MatchForm.of(model.folder().tensor(Role.MATCH_LOGITS));
    }

    @Override
    public Object prepare(MatchRequest request) {
        return model.prepare(request.image(), request.text());
    }

    @Override
    public List<Double> apply(List<MatchRequest> batch) throws ModelServiceException {
        return apply(batch, Collections.nCopies(batch.size(), null));
    }

    @Override
    public List<Double> apply(List<MatchRequest> batch, List<Object> prepared) throws ModelServiceException {
        List<OwnModel.Prepared> in = OwnServices.prepared(batch, prepared, r -> model.prepare(r.image(), r.text()));
        HostTensor.Floats logits = OwnServices.run(model, in).get(Role.MATCH_LOGITS);
        return probabilities(logits, batch.size(), form, model.folder().match());
    }

    static List<Double> probabilities(HostTensor.Floats logits, int batch, MatchForm form, MatchSpec spec) {
        float[] x = logits.data();
        List<Double> out = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            out.add(
                    switch (form) {
                        case LOGIT -> spec.probability(x[i]);
                        case ITM_PAIR -> twoClass(x[2 * i], x[2 * i + 1]);
                        case MATRIX -> spec.probability(x[i * (int) logits.shape()[1] + i]);
                    });
        }
        return out;
    }

    private static double twoClass(float no, float yes) {
        return 1 / (1 + Math.exp(no - yes));
    }
}
