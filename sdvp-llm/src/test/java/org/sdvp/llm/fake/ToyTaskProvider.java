package org.sdvp.llm.fake;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.evaluation.TaskProvider;
import org.sdvp.core.metric.ExactMatch;
import org.sdvp.core.metric.Metric;

/** A two-question task ({@code toy-llm}) found through the service loader, for the canned server's --task. */
public final class ToyTaskProvider implements TaskProvider {
    static final String COUNT =
            "BOX0=LOC(image=IMAGE,object='cone')\nANSWER0=COUNT(box=BOX0)\nFINAL_RESULT=RESULT(var=ANSWER0)";

    @Override
    public List<Task> tasks() {
        return List.of(new Task() {
            @Override
            public String name() {
                return "toy-llm";
            }

            @Override
            public String description() {
                return "two questions for sdvp-llm tests";
            }

            @Override
            public Set<String> initialVariables() {
                return Set.of("IMAGE");
            }

            @Override
            public Metric metric() {
                return new ExactMatch();
            }

            @Override
            public ExampleSource open(Path dir, String split) {
                return ExampleSource.of(List.of(
                        new Example(
                                "t1",
                                "count",
                                "How many cones are there?",
                                Map.of("IMAGE", dir.resolve("a.png")),
                                Optional.of(COUNT),
                                Optional.empty(),
                                Map.of()),
                        new Example(
                                "t2",
                                "none",
                                "No program here?",
                                Map.of("IMAGE", dir.resolve("b.png")),
                                Optional.empty(),
                                Optional.empty(),
                                Map.of())));
            }
        });
    }
}
