package org.sdvp.core.trace;

import java.util.Objects;
import java.util.Optional;
import org.sdvp.core.value.ImageValue;

/**
 * One call a step made to an editing or knowledge backend (SEG, REPLACE, LIST): recorded in the trace
 * beside the {@link ModelCall}s, so a rationale shows what each backend was asked and answered. Unlike model
 * calls these are not distillable sub-tasks, so distillation never sees them ({@link Trace#calls()} lists
 * model calls only).
 *
 * @param tool     {@code SEG}, {@code REPLACE} or {@code LIST}
 * @param image    the image the backend saw (with its provenance); empty for LIST
 * @param text     the text input: REPLACE's prompt, LIST's query and bound; empty for SEG
 * @param response what it answered: SEG the masks' boxes ({@code List<Detection>}), REPLACE a description
 *                 of the edit, LIST the items ({@code List<String>})
 * @param backend  which backend answered ({@code --modules} name)
 */
public record ToolCall(String tool, Optional<ImageValue> image, String text, Object response, String backend) {
    public ToolCall {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(response, "response");
    }
}
