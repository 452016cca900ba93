package org.sdvp.world.instruct;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.sdvp.world.scene.Scene;

/** Makes instructions of a task's types on a scene. Stateless. */
public interface InstructionFactory {

    List<String> types();

    /** An instruction of {@code type} on {@code scene}, or empty when the scene does not support one. */
    Optional<Instruction> make(String type, Scene scene, SplittableRandom rng);

    /** A VisProg program from its lines. */
    static String program(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /** A program string literal: the phrase in single quotes (the world's phrases never contain one). */
    static String quote(String s) {
        return "'" + s + "'";
    }
}
