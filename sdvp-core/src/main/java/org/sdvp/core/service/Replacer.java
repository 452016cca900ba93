package org.sdvp.core.service;

import java.awt.image.BufferedImage;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.SegmentsValue;

/**
 * REPLACE: {@code image} with the masked objects replaced by what {@code prompt} describes (an inpainting
 * model; the world re-renders the object with the new attributes exactly). Returns pixels of the image's size.
 */
@FunctionalInterface
public interface Replacer {
    BufferedImage replace(ImageValue image, SegmentsValue objects, String prompt) throws ModelServiceException;
}
