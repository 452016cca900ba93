package org.sdvp.core.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A VQA backend that can answer with its whole answer distribution, not only the top answer: what SDVP's
 * pseudo-labelling needs from a teacher (soft VQA targets). The other two kinds already answer with a
 * distribution's worth: LOC boxes carry scores ({@code Detection.score}), MATCH is a probability. Any
 * backend can serve as a teacher through {@link #distributions(ModelService, List)}: one that only names
 * its top answer gives that answer with probability 1.
 */
public interface VqaDistributionService extends ModelService<VqaRequest, VqaAnswer> {

    /** answer → probability for each request, in the batch's order (the probabilities need not sum to 1). */
    List<Map<String, Double>> distributions(List<VqaRequest> batch) throws ModelServiceException;

    /** {@code service}'s distributions, or its top answers with probability 1 when it has no distribution. */
    static List<Map<String, Double>> distributions(ModelService<VqaRequest, VqaAnswer> service, List<VqaRequest> batch)
            throws ModelServiceException {
        if (service instanceof VqaDistributionService d) return d.distributions(batch);
        List<Map<String, Double>> out = new ArrayList<>(batch.size());
        for (VqaAnswer a : service.apply(batch)) out.add(Map.of(a.answer(), 1.0));
        return out;
    }
}
