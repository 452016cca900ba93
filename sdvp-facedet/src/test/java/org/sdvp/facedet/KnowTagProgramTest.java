package org.sdvp.facedet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServiceProvider;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ModuleSpec;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.core.service.ToolServices;
import org.sdvp.core.testing.FakeModels.Scripted;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Value;

/**
 * VisProg's knowledge-tagging programs with {@code --modules facedet,...}: FACEDET goes to the cascade, every
 * other call (LOC of other phrases, CLASSIFY's image–text matches, LIST) down the chain, as with any backend.
 * The second backend is scripted here (an image–text model that prefers one name, a fixed list).
 */
class KnowTagProgramTest {
    /** VisProg's knowtag.py in-context example 12 (allenai/visprog, Apache-2.0), the query changed. */
    static final String PROGRAM = """
            OBJ0=FACEDET(image=IMAGE)
            LIST0=LIST(query='astronauts who flew the space shuttle',max=3)
            OBJ1=CLASSIFY(image=IMAGE,object=OBJ0,categories=LIST0)
            IMAGE0=TAG(image=IMAGE,object=OBJ1)
            FINAL_RESULT=RESULT(var=IMAGE0)
            """;

    final Scripted<MatchRequest, Double> match = new Scripted<>(r -> r.text().equals("Eileen Collins") ? 0.9 : 0.1);
    final Scripted<LocRequest, List<Detection>> loc =
            new Scripted<>(r -> List.of(new Detection(new Box(0, 0, 10, 10), r.object(), 1)));

    /** {@code --modules facedet,script}: the real detector first, the scripted backend for the rest. */
    ModelServices chain() throws Exception {
        ModelServiceProvider script = new ModelServiceProvider() {
            @Override
            public String name() {
                return "script";
            }

            @Override
            public String usage() {
                return "script";
            }

            @Override
            public ModelServices create(String argument, ProviderContext context) {
                return ModelServices.builder("script")
                        .loc(loc)
                        .match(match)
                        .tools(ToolServices.none()
                                .withLister((query, max) -> List.of("Eileen Collins", "Sally Ride", "Mae Jemison")
                                        .subList(0, max)))
                        .build();
            }
        };
        return ModuleSpec.parse("facedet,script")
                .load(ProviderContext.empty(), Map.of("facedet", new FaceDetProvider(), "script", script));
    }

    @Test
    void tagsTheDetectedFaceWithTheBestListedName() throws Exception {
        ImageValue astronaut = FaceDetProviderTest.photo("astronaut.jpg");
        try (ModelServices services = chain();
                ModelGateway gateway = new ModelGateway(services)) {
            Execution run = new VisProgInterpreter().execute(PROGRAM, Map.of("IMAGE", astronaut), gateway);
            assertTrue(run.succeeded(), () -> run.failure().toString());
            Value result = run.result().orElseThrow();
            List<Detection> tags = ((BoxesValue) result).detections();
            assertEquals(1, tags.size(), tags.toString());
            assertEquals("Eileen Collins", tags.get(0).label());
            assertTrue(tags.get(0).box().iou(FaceDetProviderTest.ASTRONAUT_FACE) >= 0.5, tags.toString());
            // CLASSIFY matched the face's crop against each listed name; the scripted LOC was never asked
            assertEquals(3, match.requests.size());
            assertTrue(
                    match.requests
                                    .get(0)
                                    .image()
                                    .region()
                                    .intersection(FaceDetProviderTest.ASTRONAUT_FACE)
                                    .area()
                            >= FaceDetProviderTest.ASTRONAUT_FACE.area() * 0.9,
                    match.requests.get(0).image().display());
            assertTrue(loc.requests.isEmpty(), loc.requests.toString());
        }
    }

    @Test
    void otherPhrasesGoDownTheChain() throws Exception {
        ImageValue astronaut = FaceDetProviderTest.photo("astronaut.jpg");
        try (ModelServices services = chain();
                ModelGateway gateway = new ModelGateway(services)) {
            Execution run = new VisProgInterpreter()
                    .execute(
                            "BOX0=LOC(image=IMAGE,object='helmet')\nFINAL_RESULT=COUNT(box=BOX0)",
                            Map.of("IMAGE", astronaut),
                            gateway);
            assertTrue(run.succeeded(), () -> run.failure().toString());
            assertEquals(
                    List.of("helmet"),
                    loc.requests.stream().map(LocRequest::object).toList());
        }
    }

    @Test
    void facedetAloneRefusesOtherPhrasesWithAClearStepError() throws Exception {
        ImageValue astronaut = FaceDetProviderTest.photo("astronaut.jpg");
        try (ModelServices services = ModuleSpec.parse("facedet").load(ProviderContext.empty());
                ModelGateway gateway = new ModelGateway(services)) {
            Execution run = new VisProgInterpreter()
                    .execute(
                            "BOX0=LOC(image=IMAGE,object='helmet')\nFINAL_RESULT=COUNT(box=BOX0)",
                            Map.of("IMAGE", astronaut),
                            gateway);
            assertTrue(run.failure().isPresent());
            String message = run.failure().get().message();
            assertTrue(message.contains("no backend covers") && message.contains("helmet"), message);
        }
    }
}
