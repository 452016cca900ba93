package org.sdvp.world.task;

import java.util.List;
import org.sdvp.world.question.Question;
import org.sdvp.world.scene.Scene;

/**
 * A question accepted by the generator, with its scenes (one, or left and right) and its ground truth as
 * the symbolic executor returned it.
 */
public record GeneratedExample(int index, Question question, List<Scene> scenes, Object answer) {
    public GeneratedExample { scenes = List.copyOf(scenes); }
}
