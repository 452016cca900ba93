package org.sdvp.core.trace;

import java.util.Objects;
import org.sdvp.core.service.ModelRequest;

/**
 * One sub-task call a step made to a model: the unit SDVP distills. The request keeps its image's
 * provenance (source id and region), so a teacher can be asked about exactly the same pixels.
 *
 * @param request  what was asked
 * @param response what the backend answered ({@code List<Detection>}, {@code VqaAnswer} or {@code Double})
 * @param backend  which backend answered ({@code --modules} entry name), for routed runs
 */
public record ModelCall(ModelRequest request, Object response, String backend) {
    public ModelCall {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
    }
}
