package org.sdvp.world.program;

import org.sdvp.data.clevr.program.Flavor;
import org.sdvp.data.clevr.program.VisProgEmitter;
import org.sdvp.world.question.FProgram;

/**
 * A world program as VisProg: {@link VisProgEmitter} over the typed program. Kept so callers of the old
 * converter compile; new code calls the emitter.
 */
public final class VisProgConverter {
    private VisProgConverter() {}

    /** @throws IllegalArgumentException for a program shape VisProg's modules do not express */
    public static String convert(FProgram program, Flavor flavor) {
        return VisProgEmitter.emit(program.typed(), flavor);
    }
}
