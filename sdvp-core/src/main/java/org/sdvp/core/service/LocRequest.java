package org.sdvp.core.service;

import java.util.Objects;
import org.sdvp.core.value.ImageValue;

/** Locate every instance of {@code object} (e.g. "small red cube") in {@code image}. */
public record LocRequest(ImageValue image, String object) implements ModelRequest {
    public LocRequest {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(object, "object");
    }

    @Override
    public String text() {
        return object;
    }

    @Override
    public ServiceKind kind() {
        return ServiceKind.LOC;
    }
}
