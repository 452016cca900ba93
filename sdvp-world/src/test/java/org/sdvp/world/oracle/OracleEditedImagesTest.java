package org.sdvp.world.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Value;
import org.sdvp.world.scene.RowScene;

/**
 * The oracle answers about an edited image from what the image shows: after REPLACE, from the re-rendered
 * scene (also for crops of it); after an edit no annotation describes (COLORPOP), it refuses with a clear
 * step error instead of answering about the original scene.
 */
class OracleEditedImagesTest {
    private static final SceneIndex INDEX = SceneIndex.of(List.of(RowScene.SCENE));
    private static final Map<String, Value> IMAGE =
            Map.of("IMAGE", ImageValue.source("t.png", OracleTools.render(RowScene.SCENE)));
    private static final String SELECT_CUBE =
            "OBJ0=SEG(image=IMAGE)\n" + "OBJ1=SELECT(image=IMAGE,object=OBJ0,query='cube',category=None)\n";

    private static Execution run(String program) throws Exception {
        try (var services = OracleServices.create(INDEX);
                ModelGateway gateway = new ModelGateway(services)) {
            return new VisProgInterpreter().execute(program, IMAGE, gateway);
        }
    }

    @Test
    void vqaOnAReplacedImageAnswersFromTheEditedScene() throws Exception {
        String ask = "BOX0=LOC(image=IMAGE0,object='cube')\nIMAGE1=CROP(image=IMAGE0,box=BOX0)\n"
                + "ANSWER0=VQA(image=IMAGE1,question='What color is the cube?')\n"
                + "ANSWER1=VQA(image=IMAGE0,question='What material is the cube?')\nFINAL_RESULT=RESULT(var=ANSWER0)";
        Execution original = run("IMAGE0=RESULT(var=IMAGE)\n" + ask);
        assertEquals("red", original.result().orElseThrow().display(), String.valueOf(original.failure()));

        Execution edited = run(SELECT_CUBE + "IMAGE0=REPLACE(image=IMAGE,object=OBJ1,prompt='green metal')\n" + ask);
        assertTrue(edited.failure().isEmpty(), String.valueOf(edited.failure()));
        assertEquals(
                "green", edited.result().orElseThrow().display(), "the crop of the edited image shows a green cube");
        assertEquals(
                "metal", edited.trace().steps().get(6).result().orElseThrow().display());
        assertEquals(
                "blue",
                run(SELECT_CUBE + "IMAGE0=REPLACE(image=IMAGE,object=OBJ1,prompt='green')\n"
                                + "BOX0=LOC(image=IMAGE0,object='small sphere')\nIMAGE1=CROP(image=IMAGE0,box=BOX0)\n"
                                + "FINAL_RESULT=VQA(image=IMAGE1,question='What color is the sphere?')")
                        .result()
                        .orElseThrow()
                        .display(),
                "objects the edit did not touch keep their attributes");
    }

    @Test
    void twoReplacementsInARowBothShow() throws Exception {
        Execution twice = run(SELECT_CUBE + "IMAGE0=REPLACE(image=IMAGE,object=OBJ1,prompt='green')\n"
                + "OBJ2=SELECT(image=IMAGE,object=OBJ0,query='small sphere',category=None)\n"
                + "IMAGE1=REPLACE(image=IMAGE0,object=OBJ2,prompt='yellow')\n"
                + "A=VQA(image=IMAGE1,question='What color is the cube?')\n"
                + "FINAL_RESULT=VQA(image=IMAGE1,question='What color is the small sphere?')");
        assertTrue(twice.failure().isEmpty(), String.valueOf(twice.failure()));
        assertEquals(
                "green", twice.trace().steps().get(5).result().orElseThrow().display(), "the first edit stays");
        assertEquals("yellow", twice.result().orElseThrow().display());
    }

    @Test
    void anEditNoAnnotationDescribesIsRefusedWithAClearStepError() throws Exception {
        Execution popped = run(SELECT_CUBE + "IMAGE0=COLORPOP(image=IMAGE,object=OBJ1)\n"
                + "FINAL_RESULT=VQA(image=IMAGE0,question='What color is the small sphere?')");
        assertTrue(popped.failure().isPresent(), "not answered about the original scene");
        String message = popped.failure().get().message();
        assertTrue(
                message.contains("cannot answer about edited image t.png")
                        && message.contains("COLORPOP cube")
                        && message.contains("vlm:DIR"),
                message);
    }
}
