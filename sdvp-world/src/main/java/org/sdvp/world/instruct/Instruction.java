package org.sdvp.world.instruct;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.sdvp.core.value.Detection;

/**
 * One generated instruction or question on one scene, with the VisProg program that carries it out and the
 * gold result.
 */
public record Instruction(String type, String text, String program, Gold gold) {
    public Instruction {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(gold, "gold");
    }

    /** What a correct program returns. */
    public sealed interface Gold permits Answer, Tags, EditedImage {}

    /** A word or number (depth-sim). */
    public record Answer(String answer) implements Gold {}

    /** Labelled boxes (knowtag-sim). */
    public record Tags(List<Detection> tags) implements Gold {
        public Tags {
            tags = List.copyOf(tags);
        }
    }

    /** The exactly rendered edited image (edit-sim). */
    public record EditedImage(BufferedImage image) implements Gold {}
}
