package org.sdvp.core.service;

import java.util.Objects;
import org.sdvp.core.value.ImageValue;

public record VqaRequest(ImageValue image, String question) implements ModelRequest {
    public VqaRequest {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(question, "question");
    }

    @Override
    public String text() {
        return question;
    }

    @Override
    public ServiceKind kind() {
        return ServiceKind.VQA;
    }
}
