package org.sdvp.core.service;

import java.util.Objects;
import org.sdvp.core.value.ImageValue;

/** How well does {@code text} (e.g. "red", "sphere", "metal cube") describe {@code image}? */
public record MatchRequest(ImageValue image, String text) implements ModelRequest {
    public MatchRequest {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public ServiceKind kind() {
        return ServiceKind.MATCH;
    }
}
