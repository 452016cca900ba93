package org.sdvp.data.oracle;

import java.util.Map;
import java.util.Set;

/**
 * The little world knowledge the oracle needs beyond the annotations: which attribute values belong to
 * which type ("What color is ..." must pick a colour among a flat attribute list), a few category names
 * (GQA questions say "vehicle" for an object annotated "car"), and spelling variants. Deliberately small
 * and listed here in full; a question about a type or category outside it is answered {@code unknown}.
 */
public final class Vocabulary {
    private Vocabulary() {}

    public static final Map<String, Set<String>> ATTRIBUTE_TYPES = Map.of(
            "color",
                    Set.of(
                            "white",
                            "black",
                            "blue",
                            "green",
                            "red",
                            "brown",
                            "yellow",
                            "gray",
                            "grey",
                            "orange",
                            "pink",
                            "purple",
                            "silver",
                            "gold",
                            "tan",
                            "beige",
                            "cyan",
                            "dark",
                            "light blue",
                            "dark blue",
                            "maroon",
                            "khaki",
                            "cream colored",
                            "navy",
                            "teal"),
            "material",
                    Set.of(
                            "wood",
                            "wooden",
                            "metal",
                            "plastic",
                            "glass",
                            "rubber",
                            "leather",
                            "brick",
                            "concrete",
                            "stone",
                            "cloth",
                            "paper",
                            "porcelain",
                            "ceramic",
                            "steel",
                            "cardboard"),
            "size", Set.of("large", "small", "big", "little", "tiny", "huge", "giant"),
            "shape",
                    Set.of(
                            "round",
                            "square",
                            "rectangular",
                            "triangular",
                            "oval",
                            "cube",
                            "sphere",
                            "cylinder",
                            "cone"),
            "pose", Set.of("standing", "sitting", "lying", "walking", "running", "bending"),
            "length", Set.of("long", "short"),
            "height", Set.of("tall", "short"),
            "pattern", Set.of("striped", "checkered", "plaid", "spotted", "floral"),
            "cleanliness", Set.of("clean", "dirty"),
            "state", Set.of("open", "closed", "empty", "full", "on", "off"));

    /** Category → names it covers. */
    public static final Map<String, Set<String>> CATEGORIES = Map.of(
            "vehicle",
                    Set.of(
                            "car",
                            "truck",
                            "bus",
                            "train",
                            "motorcycle",
                            "bike",
                            "bicycle",
                            "boat",
                            "airplane",
                            "van",
                            "taxi",
                            "jeep",
                            "scooter"),
            "animal", Set.of("dog", "cat", "horse", "cow", "sheep", "bird", "elephant", "giraffe", "zebra", "bear"),
            "person", Set.of("man", "woman", "boy", "girl", "child", "lady", "guy", "player", "skier", "people"),
            "furniture",
                    Set.of(
                            "chair",
                            "table",
                            "couch",
                            "sofa",
                            "bed",
                            "desk",
                            "shelf",
                            "cabinet",
                            "bench",
                            "bookcase",
                            "drawer"),
            "food",
                    Set.of(
                            "pizza",
                            "sandwich",
                            "cake",
                            "donut",
                            "bread",
                            "apple",
                            "banana",
                            "orange",
                            "broccoli",
                            "carrot",
                            "muffin"),
            "fruit", Set.of("apple", "banana", "orange", "grape", "lemon", "strawberry"),
            "clothing", Set.of("shirt", "pants", "jacket", "hat", "coat", "dress", "jeans", "sweater", "cap", "shorts"),
            "device",
                    Set.of(
                            "phone",
                            "cell phone",
                            "laptop",
                            "computer",
                            "monitor",
                            "tv",
                            "television",
                            "remote",
                            "keyboard",
                            "console",
                            "camera"),
            "appliance", Set.of("refrigerator", "oven", "microwave", "toaster", "dishwasher", "stove"),
            "animals", Set.of());

    /** Words that match any object ("anything", GQA's "thing" globals). */
    public static final Set<String> ANY = Set.of("object", "objects", "thing", "things", "item", "items", "anything");

    public static final Map<String, String> SYNONYMS = Map.of(
            "grey", "gray", "wooden", "wood", "big", "large", "little", "small", "people", "person", "shiny", "metal",
            "matte", "rubber", "ball", "sphere", "block", "cube");

    /** GQA's {@code filter gender} values, implied by names rather than annotated as attributes. */
    public static final Map<String, Set<String>> GENDER = Map.of(
            "female", Set.of("woman", "women", "girl", "girls", "lady", "ladies", "mother", "bride"),
            "male", Set.of("man", "men", "boy", "boys", "guy", "guys", "father", "groom", "gentleman"));

    public static String canonical(String word) {
        return SYNONYMS.getOrDefault(word, word);
    }
}
