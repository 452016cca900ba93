package org.sdvp.data.program;

import java.util.Objects;
import java.util.Optional;

/**
 * A dataset program converted to VisProg.
 *
 * @param program        the VisProg program text
 * @param fallbackReason empty when every operation was translated; otherwise the first operation VisProg's
 *                       module set cannot express (e.g. {@code "choose older (two objects compared)"}), and the
 *                       program is the single-step fallback {@code VQA(image=IMAGE,question=<whole question>)}
 */
public record Conversion(String program, Optional<String> fallbackReason) {
    public Conversion {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(fallbackReason, "fallbackReason");
    }

    public boolean fallback() {
        return fallbackReason.isPresent();
    }

    /** The fallback program: one VQA call on the whole image with the whole question. */
    public static Conversion fallback(String imageVar, String question, String reason) {
        VisProgWriter w = new VisProgWriter();
        String answer = w.step("ANSWER", "VQA", "image", imageVar, "question", VisProgWriter.quote(question));
        w.result(answer);
        return new Conversion(w.text(), Optional.of(reason));
    }
}
