package org.sdvp.core.module.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.module.steps.DirectionalCropModule.Direction;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.testing.FakeModels;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;

/** One test (or a few) per row of VisProg's module table, as this project implements it. */
class ModuleTableTest {
    private static final ImageValue IMAGE = FakeModels.image("scene.png", 100, 80);
    private static final BoxesValue ONE = boxes(new Box(20, 20, 40, 40));

    private final ModelServices fake = FakeModels.services(
            loc -> List.of(new Detection(new Box(10, 10, 30, 30), loc.object(), 0.9)),
            vqa -> "red",
            match -> match.text().contains("blue") ? 0.9 : 0.1);
    private final ModelGateway gateway = new ModelGateway(fake);
    private final StepContext ctx = new StepContext(Map.of(), gateway);

    @AfterEach
    void close() {
        gateway.close();
    }

    private static BoxesValue boxes(Box... bs) {
        return new BoxesValue(
                java.util.Arrays.stream(bs).map(b -> new Detection(b, "obj", 1)).toList());
    }

    private Value run(AbstractStepModule m, Map<String, Value> args) throws StepException {
        return m.execute(args, ctx);
    }

    @Test
    void locAsksTheGroundingModelAndRecordsTheCall() throws Exception {
        BoxesValue out = (BoxesValue) run(new LocModule(), Map.of("image", IMAGE, "object", new TextValue("cube")));
        assertEquals(1, out.size());
        assertEquals("cube", out.detections().get(0).label());
        assertEquals(1, ctx.calls().size());
        assertEquals("cube", ctx.calls().get(0).request().text());
    }

    @Test
    void locOfTopBottomLeftRightIsThatHalfWithoutAModel() throws Exception {
        assertEquals(
                new Box(0, 0, 100, 40),
                onlyBox(run(new LocModule(), Map.of("image", IMAGE, "object", new TextValue("TOP")))));
        assertEquals(
                new Box(0, 40, 100, 80),
                onlyBox(run(new LocModule(), Map.of("image", IMAGE, "object", new TextValue("BOTTOM")))));
        assertEquals(
                new Box(0, 0, 50, 80),
                onlyBox(run(new LocModule(), Map.of("image", IMAGE, "object", new TextValue("LEFT")))));
        assertEquals(
                new Box(50, 0, 100, 80),
                onlyBox(run(new LocModule(), Map.of("image", IMAGE, "object", new TextValue("RIGHT")))));
        assertTrue(ctx.calls().isEmpty());
    }

    private static Box onlyBox(Value v) {
        BoxesValue b = (BoxesValue) v;
        assertEquals(1, b.size());
        return b.detections().get(0).box();
    }

    @Test
    void countCountsBoxes() throws Exception {
        assertEquals(
                new NumberValue(2),
                run(new CountModule(), Map.of("box", boxes(new Box(0, 0, 1, 1), new Box(2, 2, 3, 3)))));
        assertEquals(new NumberValue(0), run(new CountModule(), Map.of("box", BoxesValue.empty())));
    }

    @Test
    void cropEnlargesTheFirstBoxByHalfAboutItsCentre() throws Exception {
        ImageValue crop = (ImageValue) run(new CropModule(), Map.of("image", IMAGE, "box", ONE));
        assertEquals(new Box(15, 15, 45, 45), crop.region());
    }

    @Test
    void cropWithNoBoxIsTheWholeImage() throws Exception {
        assertSame(IMAGE, run(new CropModule(), Map.of("image", IMAGE, "box", BoxesValue.empty())));
    }

    @Test
    void directionalCropsCutAtTheFirstBoxCentre() throws Exception {
        assertEquals(new Box(0, 0, 30, 80), region(Direction.LEFTOF, ONE));
        assertEquals(new Box(30, 0, 100, 80), region(Direction.RIGHTOF, ONE));
        assertEquals(new Box(0, 0, 100, 30), region(Direction.ABOVE, ONE));
        assertEquals(new Box(0, 30, 100, 80), region(Direction.BELOW, ONE));
    }

    @Test
    void directionalCropsWithNoBoxTakeThatHalfOfTheImage() throws Exception {
        assertEquals(new Box(0, 0, 50, 80), region(Direction.LEFTOF, BoxesValue.empty()));
        assertEquals(new Box(50, 0, 100, 80), region(Direction.RIGHTOF, BoxesValue.empty()));
        assertEquals(new Box(0, 0, 100, 40), region(Direction.ABOVE, BoxesValue.empty()));
        assertEquals(new Box(0, 40, 100, 80), region(Direction.BELOW, BoxesValue.empty()));
    }

    @Test
    void aDirectionalCropOfNothingIsAStepError() {
        BoxesValue atLeftEdge = boxes(new Box(0, 10, 0.5, 20));
        StepException e = assertThrows(StepException.class, () -> region(Direction.LEFTOF, atLeftEdge));
        assertTrue(e.getMessage().startsWith("crop of an empty region"), e.getMessage());
    }

    private Box region(Direction d, BoxesValue b) throws StepException {
        return ((ImageValue) run(new DirectionalCropModule(d), Map.of("image", IMAGE, "box", b))).region();
    }

    @Test
    void vqaReturnsTheModelsAnswerAsText() throws Exception {
        assertEquals(
                new TextValue("red"),
                run(new VqaModule(), Map.of("image", IMAGE, "question", new TextValue("What color?"))));
        assertEquals("What color?", ctx.calls().get(0).request().text());
    }

    @Test
    void resultReturnsItsVariable() throws Exception {
        assertEquals(new NumberValue(4), run(new ResultModule(), Map.of("var", new NumberValue(4))));
    }

    @Test
    void selectPicksTheBestMatchingObjectPerQuery() throws Exception {
        BoxesValue objects = boxes(new Box(0, 0, 10, 10), new Box(50, 50, 70, 70));
        FakeModels.Scripted<org.sdvp.core.service.MatchRequest, Double> byRegion =
                new FakeModels.Scripted<>(m -> m.image().region().x1() > 40 ? 0.8 : 0.2);
        try (ModelGateway g =
                new ModelGateway(ModelServices.builder("f").match(byRegion).build())) {
            BoxesValue out = (BoxesValue) new SelectModule()
                    .execute(
                            Map.of("image", IMAGE, "object", objects, "query", new TextValue("blue")),
                            new StepContext(Map.of(), g));
            assertEquals(1, out.size());
            assertEquals(new Box(50, 50, 70, 70), out.detections().get(0).box());
            assertEquals("blue", out.detections().get(0).label());
            assertEquals("blue", byRegion.requests.get(0).text());
        }
    }

    @Test
    void selectWithACategoryMatchesQueryAndCategory() throws Exception {
        run(
                new SelectModule(),
                Map.of(
                        "image",
                        IMAGE,
                        "object",
                        ONE,
                        "query",
                        new TextValue("blue"),
                        "category",
                        new TextValue("cube")));
        assertEquals("blue cube", ctx.calls().get(0).request().text());
    }

    @Test
    void classifyLabelsEachObjectWithItsBestCategory() throws Exception {
        BoxesValue out = (BoxesValue) run(
                new ClassifyModule(),
                Map.of("image", IMAGE, "object", ONE, "categories", new TextValue("red, blue ,green")));
        assertEquals("blue", out.detections().get(0).label());
        assertEquals(0.9, out.detections().get(0).score(), 1e-12);
        assertEquals(3, ctx.calls().size());
    }

    @Test
    void tagReturnsTheLabelledBoxes() throws Exception {
        assertEquals(ONE, run(new TagModule(), Map.of("image", IMAGE, "object", ONE)));
    }

    @Test
    void aModelStepWithoutBackendSaysWhichModulesToPass() {
        try (ModelGateway none = new ModelGateway(ModelServices.none())) {
            StepException e = assertThrows(
                    StepException.class,
                    () -> new VqaModule()
                            .execute(
                                    Map.of("image", IMAGE, "question", new TextValue("q")),
                                    new StepContext(Map.of(), none)));
            assertTrue(e.getMessage().contains("--modules oracle"), e.getMessage());
        }
    }

    @Test
    void aWronglyTypedRuntimeArgumentIsAStepError() {
        StepException e =
                assertThrows(StepException.class, () -> run(new CountModule(), Map.of("box", new TextValue("yes"))));
        assertEquals("argument 'box' must be boxes but is text (yes)", e.getMessage());
    }
}
