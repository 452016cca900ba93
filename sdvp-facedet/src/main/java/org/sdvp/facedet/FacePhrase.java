package org.sdvp.facedet;

import java.util.Locale;
import org.sdvp.core.module.steps.FaceDetModule;
import org.sdvp.core.service.LocRequest;

/** The LOC phrases a face detector answers: FACEDET's "face" (and "faces", as a program may write LOC). */
final class FacePhrase {
    private FacePhrase() {}

    static boolean matches(LocRequest request) {
        String p = request.object().strip().toLowerCase(Locale.ROOT);
        return p.equals(FaceDetModule.PHRASE) || p.equals(FaceDetModule.PHRASE + "s");
    }
}
