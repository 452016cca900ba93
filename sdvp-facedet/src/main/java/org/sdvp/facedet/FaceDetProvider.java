package org.sdvp.facedet;

import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.ModelServiceProvider;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.PerRequestService;
import org.sdvp.core.service.ProviderContext;

/**
 * {@code --modules facedet[:CASCADE]}: a grounding backend that covers the phrase "face" only, so
 * {@code facedet,oracle} or {@code facedet,vlm:DIR} sends FACEDET to the cascade and every other call on.
 * OpenCV's natives load here, in {@link #create}, never when the provider is merely listed.
 */
public final class FaceDetProvider implements ModelServiceProvider {

    @Override
    public String name() {
        return "facedet";
    }

    @Override
    public String usage() {
        return "facedet[:" + Cascade.names() + "|FILE.xml] (OpenCV's face cascade; answers FACEDET, LOC of \"face\")";
    }

    @Override
    public ModelServices create(String argument, ProviderContext context) throws BackendException {
        Cascade cascade = Cascade.parse(argument);
        CascadeFaceDetector detector = CascadeFaceDetector.load(cascade);
        return ModelServices.builder(argument.isBlank() ? name() : name() + ":" + argument)
                .loc(new PerRequestService<>(
                        r -> {
                            // a chain routes by covers(); alone (--modules facedet), the detector must refuse the rest
                            // itself
                            if (!FacePhrase.matches(r)) {
                                throw new ModelServiceException(
                                        "no backend covers the call LOC '" + r.object() + "': facedet "
                                                + "answers only FACEDET (LOC of \"face\"); add a backend after it, e.g. --modules facedet,oracle");
                            }
                            return detector.detect(r.image().pixels());
                        },
                        FacePhrase::matches))
                .closing(detector)
                .build();
    }
}
