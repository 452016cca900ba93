package org.sdvp.data.clevr;

import java.util.Optional;
import org.sdvp.data.clevr.program.Flavor;
import org.sdvp.data.clevr.program.FunctionalProgram;
import org.sdvp.data.clevr.program.UnsupportedFunctionException;
import org.sdvp.data.clevr.program.VisProgEmitter;
import org.sdvp.data.program.Conversion;

/**
 * A {@code questions.json} program as VisProg: typed by {@link FunctionalProgram#parse} and written by the
 * {@link VisProgEmitter} sdvp-world's tasks use too (LOC, COUNT, CROP, directional crops, VQA, EVAL,
 * SELECT, CLASSIFY/TAG). Real CLEVR's {@code same_*}, {@code union}, {@code intersect} and
 * {@code equal_object} have no VisProg module; such programs fall back to one VQA step, the reason being
 * the first such function. Thread-safe.
 */
public final class ClevrProgramConverter {

    public Conversion convert(ClevrQuestion q) {
        try {
            return new Conversion(
                    VisProgEmitter.emit(FunctionalProgram.parse(q.program()), Flavor.GQA), Optional.empty());
        } catch (UnsupportedFunctionException | IllegalArgumentException e) {
            return Conversion.fallback("IMAGE", q.question() == null ? "" : q.question(), e.getMessage());
        }
    }
}
