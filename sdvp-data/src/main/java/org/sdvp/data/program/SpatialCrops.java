package org.sdvp.data.program;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which directional crop finds the objects in a spatial relation to an anchor object. "X to the left of
 * A" (X is the subject) is searched in {@code CROP_LEFTOF(A)}; "A to the left of X" (X is the object) in
 * {@code CROP_RIGHTOF(A)}. Relations that are not image-plane directions ("on", "holding", "behind",
 * "near") have no directional crop; converters crop around the anchor instead.
 */
public final class SpatialCrops {
    private static final Map<String, String> SUBJECT_SIDE = Map.ofEntries(
            Map.entry("to the left of", "CROP_LEFTOF"),
            Map.entry("left of", "CROP_LEFTOF"),
            Map.entry("left", "CROP_LEFTOF"),
            Map.entry("to the right of", "CROP_RIGHTOF"),
            Map.entry("right of", "CROP_RIGHTOF"),
            Map.entry("right", "CROP_RIGHTOF"),
            Map.entry("above", "CROP_ABOVE"),
            Map.entry("on top of", "CROP_ABOVE"),
            Map.entry("over", "CROP_ABOVE"),
            Map.entry("below", "CROP_BELOW"),
            Map.entry("under", "CROP_BELOW"),
            Map.entry("beneath", "CROP_BELOW"),
            Map.entry("underneath", "CROP_BELOW"));
    private static final Map<String, String> OPPOSITE = Map.of(
            "CROP_LEFTOF",
            "CROP_RIGHTOF",
            "CROP_RIGHTOF",
            "CROP_LEFTOF",
            "CROP_ABOVE",
            "CROP_BELOW",
            "CROP_BELOW",
            "CROP_ABOVE");

    private SpatialCrops() {}

    /**
     * @param relation        the relation as the dataset writes it ({@code "to the left of"})
     * @param targetIsSubject whether the searched-for object is the relation's subject
     * @return the crop module, or empty for a relation that is not an image-plane direction
     */
    public static Optional<String> cropFor(String relation, boolean targetIsSubject) {
        String crop = SUBJECT_SIDE.get(relation.strip().toLowerCase(Locale.ROOT));
        if (crop == null) return Optional.empty();
        return Optional.of(targetIsSubject ? crop : OPPOSITE.get(crop));
    }
}
