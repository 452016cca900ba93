package org.sdvp.cli.models;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sdvp.core.io.DataException;
import org.sdvp.core.service.ServiceKind;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.ImageValue;
import org.sdvp.distill.label.CallImages;
import org.sdvp.distill.trace.CallsFile;
import org.sdvp.distill.trace.SubTaskCall;
import org.sdvp.models.eval.ProgramCallEvaluation;

/**
 * Reads a calls file of {@code sdvp collect} as evaluation calls: each call's pixels re-cut from its recorded
 * image and region ({@link CallImages}), with the source id and region the interpreter gave them, so the
 * oracle can tell which scene and which part of it the call saw.
 */
final class ProgramCalls {
    private ProgramCalls() {}

    /** @param missing calls whose image could not be re-cut (skipped), with the first reasons */
    record Loaded(List<ProgramCallEvaluation.Call> calls, int missing, Map<String, String> failures) {}

    /** @throws DataException for an unreadable or malformed file, an unknown kind, or no usable call at all */
    static Loaded load(Path file) throws DataException {
        List<SubTaskCall> recorded = CallsFile.read(file);
        if (recorded.isEmpty()) throw new DataException(file + " holds no calls");
        CallImages images = new CallImages();
        List<ProgramCallEvaluation.Call> out = new ArrayList<>();
        for (SubTaskCall c : recorded) {
            ServiceKind kind;
            try {
                kind = ServiceKind.valueOf(c.kind().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DataException(
                        file + ": call of question " + c.questionId() + " has unknown kind '" + c.kind()
                                + "' (expected LOC, VQA or MATCH)",
                        e);
            }
            Optional<BufferedImage> img = images.image(c);
            if (img.isEmpty()) continue;
            List<Double> r = c.region();
            Box region = new Box(r.get(0), r.get(1), r.get(2), r.get(3));
            out.add(new ProgramCallEvaluation.Call(kind, new ImageValue(img.get(), c.sourceImage(), region), c.text()));
        }
        if (out.isEmpty()) {
            throw new DataException("no call of " + file + " has a readable image: " + images.failures());
        }
        return new Loaded(out, images.missing(), images.failures());
    }
}
