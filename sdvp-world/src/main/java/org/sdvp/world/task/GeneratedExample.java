package org.sdvp.world.task;

import java.util.List;
import org.sdvp.world.question.Question;
import org.sdvp.world.scene.Scene;

/**
 * A question accepted by the generator, with its scenes (one, or left and right) and its ground truth as
 * the symbolic executor returned it.
 *
 * @param sentence the sentence group: rows of nlvr-sim with the same group share their statement
 */
public record GeneratedExample(int index, int sentence, Question question, List<Scene> scenes, Object answer) {
    public GeneratedExample {
        scenes = List.copyOf(scenes);
    }
}
