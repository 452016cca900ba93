package org.sdvp.core.service;

import java.util.List;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Segment;

/** Instance segmentation (SEG): every object's mask in {@code image}, in its coordinates, best first. */
@FunctionalInterface
public interface Segmenter {
    List<Segment> segment(ImageValue image) throws ModelServiceException;
}
