package org.sdvp.backends.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sdvp.backends.config.Role;
import org.sdvp.backends.engine.HostTensor;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaDistributionService;
import org.sdvp.core.service.VqaRequest;

/**
 * VQA from answer logits over a fixed vocabulary (ViLT): softmax, the top answer with its probability. As a
 * teacher it gives the whole distribution, every answer of the vocabulary.
 */
final class OwnVqaService implements VqaDistributionService {
    private final OwnModel model;

    OwnVqaService(OwnModel model) {
        this.model = model;
    }

    @Override
    public Object prepare(VqaRequest request) {
        return model.prepare(request.image(), request.question());
    }

    @Override
    public List<VqaAnswer> apply(List<VqaRequest> batch) throws ModelServiceException {
        return apply(batch, Collections.nCopies(batch.size(), null));
    }

    @Override
    public List<VqaAnswer> apply(List<VqaRequest> batch, List<Object> prepared) throws ModelServiceException {
        List<String> answers = model.folder().answers();
        List<VqaAnswer> out = new ArrayList<>(batch.size());
        for (float[] p : probabilities(batch, prepared)) {
            int best = 0;
            for (int j = 1; j < p.length; j++) if (p[j] > p[best]) best = j;
            out.add(new VqaAnswer(answers.get(best), p[best]));
        }
        return out;
    }

    @Override
    public List<Map<String, Double>> distributions(List<VqaRequest> batch) throws ModelServiceException {
        List<String> answers = model.folder().answers();
        List<Map<String, Double>> out = new ArrayList<>(batch.size());
        for (float[] p : probabilities(batch, Collections.nCopies(batch.size(), null))) {
            Map<String, Double> d = new LinkedHashMap<>();
            // two vocabulary entries may normalise alike; their mass adds up
            for (int j = 0; j < p.length; j++) d.merge(answers.get(j), (double) p[j], Double::sum);
            out.add(d);
        }
        return out;
    }

    /** Softmax of the answer logits, one row per request. */
    List<float[]> probabilities(List<VqaRequest> batch, List<Object> prepared) throws ModelServiceException {
        List<OwnModel.Prepared> in = OwnServices.prepared(batch, prepared, r -> model.prepare(r.image(), r.question()));
        HostTensor.Floats logits = OwnServices.run(model, in).get(Role.ANSWER_LOGITS);
        int a = (int) logits.shape()[1];
        List<float[]> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) rows.add(softmax(logits.data(), i * a, a));
        return rows;
    }

    static float[] softmax(float[] x, int from, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) max = Math.max(max, x[from + j]);
        double sum = 0;
        float[] p = new float[n];
        for (int j = 0; j < n; j++) sum += p[j] = (float) Math.exp(x[from + j] - max);
        for (int j = 0; j < n; j++) p[j] /= sum;
        return p;
    }
}
