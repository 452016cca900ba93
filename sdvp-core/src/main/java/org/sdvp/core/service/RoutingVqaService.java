package org.sdvp.core.service;

import java.util.List;
import java.util.Map;

/**
 * A chain's VQA service that keeps its backends' answer distributions: each request's distribution comes from the
 * first backend covering it ({@link VqaDistributionService#distributions(ModelService, List)}: a backend without
 * distributions gives its top answer with probability 1). So a chain such as {@code torchscript:DIR,oracle} is a
 * teacher with soft labels wherever its first entry answers.
 */
final class RoutingVqaService extends RoutingModelService<VqaRequest, VqaAnswer> implements VqaDistributionService {
    RoutingVqaService(List<ModelService<VqaRequest, VqaAnswer>> chain) {
        super(chain);
    }

    @Override
    public List<Map<String, Double>> distributions(List<VqaRequest> batch) throws ModelServiceException {
        return routed(
                batch,
                unprepared(batch.size()),
                (service, part, prepared) -> VqaDistributionService.distributions(service, part));
    }
}
