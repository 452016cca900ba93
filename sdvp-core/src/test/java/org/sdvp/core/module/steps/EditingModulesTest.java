package org.sdvp.core.module.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sdvp.core.module.ModuleOptions.DepthCrops;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ToolServices;
import org.sdvp.core.testing.FakeModels;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.ListValue;
import org.sdvp.core.value.Mask;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.Segment;
import org.sdvp.core.value.SegmentsValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;

/** The depth crops and the knowledge-tagging and image-editing modules, on fake backends. */
class EditingModulesTest {
    private static final int W = 40, H = 30;
    private static final ImageValue IMAGE = striped();
    /** The "cube" covers x 5..14, y 5..14; the "sphere" x 20..29, y 10..19. */
    private static final SegmentsValue MASKS = SegmentsValue.of(
            IMAGE,
            List.of(new Segment(rect(5, 5, 15, 15), "cube", 0.9), new Segment(rect(20, 10, 30, 20), "sphere", 0.8)));

    private final ModelServices fake = ModelServices.builder("fake")
            .loc(new FakeModels.Scripted<>(r ->
                    r.object().equals("face") ? List.of(new Detection(new Box(2, 2, 12, 14), "x", 0.9)) : List.of()))
            .match(new FakeModels.Scripted<>(
                    r -> r.text().contains("sphere") == (r.image().region().centerX() > 20) ? 0.9 : 0.1))
            .tools(ToolServices.none()
                    .withSegmenter(image -> MASKS.segments())
                    .withReplacer((image, objects, prompt) -> {
                        BufferedImage out =
                                new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
                        out.setRGB(0, 0, 0x0000FF);
                        return out;
                    })
                    .withLister((query, max) ->
                            List.of("red", "blue", "green", "red").subList(0, Math.min(4, max))))
            .build();
    private final ModelGateway gateway = new ModelGateway(fake);
    private final StepContext ctx = new StepContext(Map.of(), gateway);

    @AfterEach
    void close() {
        gateway.close();
    }

    private static Mask rect(int x1, int y1, int x2, int y2) {
        BitSet b = new BitSet();
        for (int y = y1; y < y2; y++) for (int x = x1; x < x2; x++) b.set(y * W + x);
        return new Mask(W, H, b);
    }

    private static ImageValue striped() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) img.setRGB(x, y, x % 2 == 0 ? 0xC02020 : 0x2040E0);
        return ImageValue.source("scene.png", img);
    }

    private static BoxesValue box(Box b) {
        return new BoxesValue(List.of(new Detection(b, "obj", 1)));
    }

    @Test
    void depthCropsCropAroundTheBoxByDefaultAsVisProgDoes() throws Exception {
        Box b = new Box(10, 10, 20, 20);
        for (DepthCropModule.Relation r : DepthCropModule.Relation.values()) {
            ImageValue out = (ImageValue)
                    new DepthCropModule(r, DepthCrops.BOX).execute(Map.of("image", IMAGE, "box", box(b)), ctx);
            assertEquals(CropModule.around(IMAGE, b).region(), out.region(), r.name());
        }
    }

    @Test
    void groundDepthCropsCutAtTheBoxCentreRow() throws Exception {
        Map<String, Value> args = Map.of("image", IMAGE, "box", box(new Box(10, 8, 20, 18)));
        assertEquals(
                new Box(0, 13, W, H),
                ((ImageValue) new DepthCropModule(DepthCropModule.Relation.INFRONTOF, DepthCrops.GROUND)
                                .execute(args, ctx))
                        .region());
        assertEquals(
                new Box(0, 0, W, 13),
                ((ImageValue) new DepthCropModule(DepthCropModule.Relation.BEHIND, DepthCrops.GROUND)
                                .execute(args, ctx))
                        .region());
        assertSame(
                IMAGE,
                new DepthCropModule(DepthCropModule.Relation.BEHIND, DepthCrops.GROUND)
                        .execute(Map.of("image", IMAGE, "box", BoxesValue.empty()), ctx));
    }

    @Test
    void segSelectColorPopKeepsColourInsideTheChosenMaskOnly() throws Exception {
        SegmentsValue all = (SegmentsValue) new SegModule().execute(Map.of("image", IMAGE), ctx);
        SegmentsValue sphere = (SegmentsValue) new SelectModule()
                .execute(Map.of("image", IMAGE, "object", all, "query", new TextValue("round sphere")), ctx);
        assertEquals(1, sphere.size());
        assertEquals(new Box(20, 10, 30, 20), sphere.segments().get(0).mask().bounds());
        ImageValue out = (ImageValue) new ColorPopModule().execute(Map.of("image", IMAGE, "object", sphere), ctx);
        assertEquals(IMAGE.pixels().getRGB(25, 15), out.pixels().getRGB(25, 15) | 0xFF000000);
        int g = out.pixels().getRGB(8, 8) & 0xFFFFFF;
        assertEquals((g >> 16) & 255, g & 255, "outside the mask is gray");
        assertEquals(List.of("COLORPOP round sphere"), out.edits());
        assertEquals(IMAGE.sourceId(), out.sourceId());
        assertTrue(IMAGE.edits().isEmpty(), "the input image is not changed");
    }

    @Test
    void selectByCategoryLabelTakesEveryMaskOfThatCategoryWithoutAModel() throws Exception {
        SegmentsValue cube = (SegmentsValue) new SelectModule()
                .execute(Map.of("image", IMAGE, "object", MASKS, "query", new TextValue("cube")), ctx);
        assertEquals(
                List.of("cube"), cube.segments().stream().map(Segment::label).toList());
        assertTrue(ctx.calls().isEmpty());
    }

    @Test
    void bgBlurKeepsTheObjectSharpAndBlursTheRestDeterministically() throws Exception {
        SegmentsValue cube = MASKS.withSegments(List.of(MASKS.segments().get(0)));
        ImageValue a = (ImageValue) new BgBlurModule().execute(Map.of("image", IMAGE, "object", cube), ctx);
        ImageValue b = (ImageValue) new BgBlurModule().execute(Map.of("image", IMAGE, "object", cube), ctx);
        assertEquals(IMAGE.pixels().getRGB(6, 6), a.pixels().getRGB(6, 6) | 0xFF000000);
        assertNotEquals(IMAGE.pixels().getRGB(30, 25), a.pixels().getRGB(30, 25) | 0xFF000000, "stripes blurred");
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
                assertEquals(a.pixels().getRGB(x, y), b.pixels().getRGB(x, y));
    }

    @Test
    void editsRefuseBoxesWithoutMasksEmptySelectionsAndMasksOfAnotherImage() {
        StepException boxes = assertThrows(
                StepException.class,
                () -> new ColorPopModule().execute(Map.of("image", IMAGE, "object", box(new Box(1, 1, 5, 5))), ctx));
        assertTrue(boxes.getMessage().contains("boxes without masks"), boxes.getMessage());
        StepException none = assertThrows(
                StepException.class,
                () -> new BgBlurModule().execute(Map.of("image", IMAGE, "object", MASKS.withSegments(List.of())), ctx));
        assertTrue(none.getMessage().contains("no object to edit"), none.getMessage());
        ImageValue crop = IMAGE.crop(new Box(0, 0, 20, 20));
        StepException other = assertThrows(
                StepException.class,
                () -> new ReplaceModule()
                        .execute(Map.of("image", crop, "object", MASKS, "prompt", new TextValue("blue cube")), ctx));
        assertTrue(other.getMessage().contains("not in the image being edited"), other.getMessage());
    }

    @Test
    void replaceUsesTheEditingBackendAndRecordsThePrompt() throws Exception {
        ImageValue out = (ImageValue) new ReplaceModule()
                .execute(Map.of("image", IMAGE, "object", MASKS, "prompt", new TextValue("blue cube")), ctx);
        assertEquals(0x0000FF, out.pixels().getRGB(0, 0) & 0xFFFFFF);
        assertEquals(List.of("REPLACE cube,sphere -> 'blue cube'"), out.edits());
    }

    @Test
    void editingWithoutABackendNamesTheOptions() {
        try (ModelGateway none = new ModelGateway(ModelServices.none())) {
            StepContext c = new StepContext(Map.of(), none);
            StepException seg =
                    assertThrows(StepException.class, () -> new SegModule().execute(Map.of("image", IMAGE), c));
            assertTrue(seg.getMessage().contains("--modules oracle"), seg.getMessage());
            StepException list = assertThrows(
                    StepException.class,
                    () -> new ListModule()
                            .execute(Map.of("query", new TextValue("colors"), "max", new NumberValue(3)), c));
            assertTrue(list.getMessage().contains("--llm-base-url"), list.getMessage());
        }
    }

    @Test
    void emojiCoversEachBoxAndRefusesUnknownNames() throws Exception {
        ImageValue out = (ImageValue) new EmojiModule()
                .execute(
                        Map.of(
                                "image",
                                IMAGE,
                                "object",
                                box(new Box(10, 5, 25, 26)),
                                "emoji",
                                new TextValue("winking_face")),
                        ctx);
        assertNotEquals(IMAGE.pixels().getRGB(17, 15), out.pixels().getRGB(17, 15));
        assertEquals(IMAGE.pixels().getRGB(1, 1), out.pixels().getRGB(1, 1) | 0xFF000000);
        StepException e = assertThrows(
                StepException.class,
                () -> new EmojiModule()
                        .execute(
                                Map.of(
                                        "image",
                                        IMAGE,
                                        "object",
                                        box(new Box(10, 5, 25, 26)),
                                        "emoji",
                                        new TextValue("dragon")),
                                ctx));
        assertTrue(e.getMessage().contains("known: smiling_face"), e.getMessage());
    }

    @Test
    void listFeedsClassifyAndFacedetIsALocForFaces() throws Exception {
        ListValue colours = (ListValue)
                new ListModule().execute(Map.of("query", new TextValue("colors"), "max", new NumberValue(4)), ctx);
        assertEquals(
                List.of("red", "blue", "green"),
                colours.items().stream().map(Value::display).toList());
        assertThrows(
                StepException.class,
                () -> new ListModule()
                        .execute(Map.of("query", new TextValue("colors"), "max", new NumberValue(2.5)), ctx));
        BoxesValue faces = (BoxesValue) new FaceDetModule().execute(Map.of("image", IMAGE), ctx);
        assertEquals(
                List.of("face"),
                faces.detections().stream().map(Detection::label).toList());
        BoxesValue tagged = (BoxesValue) new ClassifyModule()
                .execute(
                        Map.of(
                                "image",
                                IMAGE,
                                "object",
                                MASKS,
                                "categories",
                                new ListValue(List.of(new TextValue("cube"), new TextValue("sphere")))),
                        ctx);
        assertEquals(
                List.of("cube", "sphere"),
                tagged.detections().stream().map(Detection::label).toList());
    }
}
