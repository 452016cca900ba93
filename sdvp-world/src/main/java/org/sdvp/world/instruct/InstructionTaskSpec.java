package org.sdvp.world.instruct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdvp.core.metric.Metric;
import org.sdvp.world.task.WorldMetrics;

/** One instruction task of the world: its instructions, default style and metric. */
public record InstructionTaskSpec(
        String name, String description, InstructionFactory instructions, String defaultStyle, Metric metric) {
    /** The file of a split folder holding the instructions, their programs and gold. */
    public static final String FILE = "instructions.json";

    private static final Map<String, InstructionTaskSpec> ALL = new LinkedHashMap<>();

    static {
        add(new InstructionTaskSpec(
                "edit-sim",
                "image editing: make the X blue, color pop / blur all but the X " + "(gold: the exactly rendered edit)",
                new EditInstructions(),
                "studio",
                new ChangedRegionAccuracy()));
        add(new InstructionTaskSpec(
                "knowtag-sim",
                "Tag the X with their colors/materials/sizes/shapes, categories "
                        + "from LIST (VisProg's knowledge tagging)",
                new KnowtagInstructions(),
                "overcast",
                WorldMetrics.F1));
        add(new InstructionTaskSpec(
                "depth-sim",
                "How many objects are in front of / behind the X? Is there a Y "
                        + "behind the X? (VisProg's depth crops)",
                new DepthInstructions(),
                "studio",
                WorldMetrics.EXACT_MATCH));
    }

    private static void add(InstructionTaskSpec t) {
        ALL.put(t.name(), t);
    }

    public static List<InstructionTaskSpec> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<InstructionTaskSpec> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }
}
