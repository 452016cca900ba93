package org.sdvp.core.value;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Instance masks (SEG's result), best first, with the provenance of the image they were found in: its
 * source id and region, as an {@link ImageValue} records them. An edit checks that its masks belong to the
 * image it edits. Accepted wherever boxes are (each mask's bounding box).
 */
public record SegmentsValue(String sourceId, Box region, List<Segment> segments) implements Value {
    public SegmentsValue {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(region, "region");
        segments = List.copyOf(segments);
    }

    /** Masks found in {@code image}. */
    public static SegmentsValue of(ImageValue image, List<Segment> segments) {
        return new SegmentsValue(image.sourceId(), image.region(), segments);
    }

    public int size() {
        return segments.size();
    }

    /** The masks' bounding boxes, labels and scores. */
    public BoxesValue toBoxes() {
        return new BoxesValue(segments.stream().map(Segment::toDetection).toList());
    }

    /** Whether these masks were found in an image with {@code image}'s source, region and size. */
    public boolean belongsTo(ImageValue image) {
        return sourceId.equals(image.sourceId())
                && region.equals(image.region())
                && segments.stream()
                        .allMatch(s ->
                                s.mask().width() == image.width() && s.mask().height() == image.height());
    }

    public SegmentsValue withSegments(List<Segment> chosen) {
        return new SegmentsValue(sourceId, region, chosen);
    }

    @Override
    public ValueType type() {
        return ValueType.SEGMENTS;
    }

    @Override
    public String display() {
        return segments.stream()
                .map(s -> s.label() + " " + s.mask().bounds() + " " + s.mask().area() + "px"
                        + String.format(java.util.Locale.ROOT, " %.2f", s.score()))
                .collect(Collectors.joining(", ", "masks[", "]"));
    }
}
