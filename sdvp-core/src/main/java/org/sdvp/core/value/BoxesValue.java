package org.sdvp.core.value;

import java.util.List;
import java.util.stream.Collectors;

/** A list of detections, best first, in the coordinates of the image they were located in. */
public record BoxesValue(List<Detection> detections) implements Value {
    public BoxesValue {
        detections = List.copyOf(detections);
    }

    public static BoxesValue empty() {
        return new BoxesValue(List.of());
    }

    public int size() {
        return detections.size();
    }

    public boolean isEmpty() {
        return detections.isEmpty();
    }

    @Override
    public ValueType type() {
        return ValueType.BOXES;
    }

    @Override
    public String display() {
        return detections.stream()
                .map(d -> d.label() + " " + d.box() + String.format(java.util.Locale.ROOT, " %.2f", d.score()))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
