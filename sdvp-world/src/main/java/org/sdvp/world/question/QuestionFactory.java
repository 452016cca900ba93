package org.sdvp.world.question;

import java.util.List;
import java.util.SplittableRandom;
import org.sdvp.world.scene.Scene;

/**
 * Makes random questions of a task's types on given scenes. A factory may decline ({@code null}) when the
 * scenes do not allow a question of that type (no unique description, nothing related); the generator then
 * draws new scenes. Stateless and thread-safe.
 */
public interface QuestionFactory {

    /** The question types, in the round-robin order the generator asks for them. */
    List<String> types();

    /** 1, or 2 for image pairs (left, right). */
    default int images() {
        return 1;
    }

    Question make(String type, List<Scene> scenes, SplittableRandom rng);
}
