package org.sdvp.data.clevr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code scenes.json}'s {@code scenes} array.
 *
 * @param relationships {@code relationships[rel][i]} lists the objects {@code j} that are {@code rel} of
 *                      object {@code i} ({@code left}, {@code right}, {@code front}, {@code behind})
 * @param width         optional, not in the CLEVR release (whose images are all 480×320): the image width,
 *                      as sdvp-world writes it
 * @param height        optional, likewise
 * @param style         optional, sdvp-world only: the visual domain the image was rendered in
 * @param seed          optional, sdvp-world only: the scene's generator seed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClevrScene(
        String split,
        @JsonProperty("image_index") int imageIndex,
        @JsonProperty("image_filename") String imageFilename,
        List<ClevrObject> objects,
        Map<String, List<List<Integer>>> relationships,
        Integer width,
        Integer height,
        String style,
        Long seed) {
    public ClevrScene {
        objects = objects == null ? List.of() : List.copyOf(objects);
        relationships = relationships == null ? Map.of() : Map.copyOf(relationships);
    }

    /**
     * One object.
     *
     * @param pixelCoords {@code [x, y, depth]} of the object's centre in the image
     * @param bbox        optional, not in the CLEVR release: {@code [x1, y1, x2, y2]} in pixels, as sdvp-world
     *                    writes it, for renderers that know their boxes (the oracle estimates a box from
     *                    {@code pixel_coords} otherwise)
     * @param footprint   optional, sdvp-world only: {@code [x, y, radius]} on the ground plane
     * @param visibleArea optional, sdvp-world only: visible pixels after occlusion
     * @param fullArea    optional, sdvp-world only: pixels the object would cover unoccluded
     * @param mask        optional, sdvp-world only: the visible pixels as row-major run lengths
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClevrObject(
            String shape,
            String size,
            String material,
            String color,
            @JsonProperty("3d_coords") List<Double> coords3d,
            Double rotation,
            @JsonProperty("pixel_coords") List<Double> pixelCoords,
            List<Double> bbox,
            List<Double> footprint,
            @JsonProperty("visible_area") Integer visibleArea,
            @JsonProperty("full_area") Integer fullArea,
            Mask mask) {}

    /**
     * An object mask: {@code counts} are run lengths over the {@code size} = [height, width] image in
     * {@code order} (sdvp-world writes {@code row-major}), starting with a background run.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mask(List<Integer> size, String order, List<Integer> counts) {
        public Mask {
            counts = counts == null ? List.of() : counts;
        }
    }
}
