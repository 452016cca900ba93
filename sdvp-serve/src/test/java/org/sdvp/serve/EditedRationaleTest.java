package org.sdvp.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlImage;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.QuestionResult;
import org.sdvp.core.evaluation.QuestionTraces;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.core.io.Json;
import org.sdvp.core.module.steps.ImageEdits;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.PerRequestService;
import org.sdvp.core.service.ToolServices;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.trace.StepRecord;
import org.sdvp.core.trace.Thumbnails;
import org.sdvp.core.trace.Trace;
import org.sdvp.core.trace.TraceHtml;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Mask;
import org.sdvp.core.value.Segment;
import org.sdvp.core.value.SegmentsValue;
import org.sdvp.serve.runs.TraceReader;

/**
 * A served rationale shows every edited image with its edited pixels, as {@code sdvp run --html} does: an image
 * editing program (SEG → COLORPOP → BGBLUR → EMOJI → a crop of the edited image asked about) is run for real,
 * recorded as {@code sdvp eval} records it, and served; the page's images are exactly the ones
 * {@link TraceHtml} draws from the run's own trace.
 */
class EditedRationaleTest {
    static final String PROGRAM = """
            OBJ0=SEG(image=IMAGE)
            OBJ1=SELECT(image=IMAGE,object=OBJ0,query='cube',category=None)
            IMAGE0=COLORPOP(image=IMAGE,object=OBJ1)
            IMAGE1=BGBLUR(image=IMAGE0,object=OBJ1)
            IMAGE2=EMOJI(image=IMAGE1,object=OBJ1,emoji='winking_face')
            IMAGE3=CROP(image=IMAGE2,box=OBJ1)
            ANSWER0=VQA(image=IMAGE3,question='What is it?')
            FINAL_RESULT=RESULT(var=ANSWER0)
            """;

    static final String REPLACE_PROGRAM = """
            OBJ0=SEG(image=IMAGE)
            OBJ1=SELECT(image=IMAGE,object=OBJ0,query='cube',category=None)
            IMAGE0=REPLACE(image=IMAGE,object=OBJ1,prompt='green')
            IMAGE1=COLORPOP(image=IMAGE0,object=OBJ1)
            IMAGE2=CROP(image=IMAGE1,box=OBJ1)
            ANSWER0=VQA(image=IMAGE2,question='What is it?')
            FINAL_RESULT=RESULT(var=ANSWER0)
            """;

    /** How the reader captions an edit whose pixels were not recorded. */
    static final String TINTED = "(its pixels were not recorded: shown as its input with the edited objects tinted)";

    @TempDir
    Path dir;

    /** A 64×48 scene: a gradient, a red cube and a blue sphere, with exact masks from a scripted SEG. */
    static BufferedImage scene() {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++)
            for (int x = 0; x < 64; x++) img.setRGB(x, y, new Color(x * 4, 200 - y * 3, 90).getRGB());
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(8, 10, 18, 18);
        g.setColor(Color.BLUE);
        g.fillRect(36, 20, 16, 16);
        g.dispose();
        return img;
    }

    static Segment box(int x, int y, int w, int h, String label) {
        BitSet bits = new BitSet(64 * 48);
        for (int r = y; r < y + h; r++) bits.set(r * 64 + x, r * 64 + x + w);
        return new Segment(new Mask(64, 48, bits), label, 1);
    }

    /** Runs {@code program} with a scripted SEG, VQA and REPLACE (which paints the objects green). */
    static Execution run(String program, ImageValue image) throws Exception {
        ModelServices services = ModelServices.builder("scripted")
                .vqa(PerRequestService.of(r -> new VqaAnswer("cube", 0.9)))
                .tools(ToolServices.none()
                        .withSegmenter(i -> List.of(box(8, 10, 18, 18, "cube"), box(36, 20, 16, 16, "sphere")))
                        .withReplacer((i, objects, prompt) -> {
                            BufferedImage out = new BufferedImage(i.width(), i.height(), BufferedImage.TYPE_INT_RGB);
                            Mask m = objects.segments().get(0).mask();
                            for (int y = 0; y < i.height(); y++) {
                                for (int x = 0; x < i.width(); x++)
                                    out.setRGB(
                                            x,
                                            y,
                                            m.get(x, y) ? 0x00C000 : i.pixels().getRGB(x, y));
                            }
                            return out;
                        }))
                .build();
        try (ModelGateway gateway = new ModelGateway(services)) {
            Execution e = new VisProgInterpreter().execute(program, Map.of("IMAGE", image), gateway);
            assertTrue(e.succeeded(), () -> e.failure().orElseThrow().format());
            return e;
        }
    }

    @Test
    void theServedRationaleShowsTheEditedPixelsAsRunHtmlDoes() throws Exception {
        Execution run = servedAsRunHtml(PROGRAM);
        assertTrue(served.contains("edited: COLORPOP cube; BGBLUR cube; EMOJI winking_face over 1 object"), served);
        // and the edits are visible: COLORPOP's result is not the source
        assertFalse(samePixels(
                scene(), ((ImageValue) run.trace().steps().get(2).result().orElseThrow()).pixels()));
    }

    @Test
    void replacesRecordedPixelsAreServedByteForByteAndLaterEditsBuildOnThem() throws Exception {
        Execution run = servedAsRunHtml(REPLACE_PROGRAM);
        assertTrue(served.contains("edited: REPLACE cube -> 'green'; COLORPOP cube"), served);
        assertFalse(served.contains("not recorded"), served);
        // the backend's pixels, not the input tinted: the cube is the scripted replacer's green
        ImageValue replaced = (ImageValue) run.trace().steps().get(2).result().orElseThrow();
        assertEquals(0x00C000, replaced.pixels().getRGB(12, 12) & 0xFFFFFF);
    }

    /** Page text of the last {@link #servedAsRunHtml} rationale. */
    private String served;

    /**
     * Runs {@code program} on the scene, records it as {@code sdvp eval} does, serves it, and checks that the
     * reader rebuilds each step's image pixel for pixel and that the served rationale's images are exactly the
     * ones {@code sdvp run --html} ({@link TraceHtml}) draws from the run's own trace.
     */
    private Execution servedAsRunHtml(String program) throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Path data = runs.resolve("data").resolve("edit-sim");
        Path file =
                Files.createDirectories(data.resolve("test").resolve("images")).resolve("scene.png");
        ImageIO.write(scene(), "png", file.toFile());
        ImageValue image = ImageValue.source("scene.png", ImageIO.read(file.toFile()));
        Execution run = run(program, image);

        Path results = Files.createDirectories(runs.resolve("single")).resolve("edit-sim.json");
        record(data, file, run, QuestionTraces.beside(results));
        ObjectNode r = Json.mapper()
                .createObjectNode()
                .put("task", "edit-sim")
                .put("split", "test")
                .put("framework", "visprog")
                .put("modules", "scripted")
                .put("metric", "exact-match")
                .put("count", 1)
                .put("score", 1.0)
                .put("errors", 0);
        r.putObject("byType").putObject("edit").put("count", 1).put("score", 1.0);
        r.putArray("misses");
        r.put("seconds", 1.0);
        r.putObject("provenance").put("data", data.toString());
        Json.write(results, r);

        // the reader alone: each step's image is the run's own, pixel for pixel
        Trace read = new TraceReader(source -> Optional.of(file)).read(line(QuestionTraces.beside(results)));
        for (StepRecord s : run.trace().steps()) {
            if (s.result().orElseThrow() instanceof ImageValue want) {
                ImageValue got =
                        (ImageValue) read.steps().get(s.index()).result().orElseThrow();
                assertEquals(want.edits(), got.edits(), s.text());
                assertTrue(samePixels(want.pixels(), got.pixels()), "pixels of " + s.text());
            }
        }

        List<String> expected = images(TraceHtml.render("x", run.trace(), "answer cube", false));
        try (ServeApp app = ServeApp.start(runs, "127.0.0.1", 0);
                WebClient browser = new WebClient()) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            HtmlPage eval = browser.getPage(app.url() + "eval?run=single/edit-sim.json");
            HtmlPage question = ((HtmlAnchor) eval.getFirstByXPath("//table[@id='questions']//tr[2]//a")).click();
            HtmlPage rationale = (HtmlPage) question.getFrames().get(0).getEnclosedPage();
            List<String> images = new ArrayList<>();
            for (Object img : rationale.getByXPath("//img")) images.add(((HtmlImage) img).getSrcAttribute());
            assertEquals(expected.size(), images.size());
            for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), images.get(i), "image " + i);
            served = rationale.asNormalizedText();
        }
        return run;
    }

    @Test
    void withoutRecordedPixelsReplaceIsShownAsItsInputWithTheReplacedObjectsTintedAndSaysSo() throws Exception {
        Path data = dir.resolve("data");
        Path file = Files.createDirectories(data.resolve("images")).resolve("scene.png");
        ImageIO.write(scene(), "png", file.toFile());
        ImageValue image = ImageValue.source("scene.png", ImageIO.read(file.toFile()));
        Execution run = run(REPLACE_PROGRAM, image);
        Path questions = dir.resolve("edit.questions.jsonl.gz");
        record(data, file, run, questions);
        ObjectNode old = (ObjectNode) line(questions); // as a file written before pixels were recorded
        assertTrue(((ObjectNode) old.path("steps").get(2)).remove("pixels") != null, "REPLACE's pixels recorded");

        Trace read = new TraceReader(source -> Optional.of(file)).read(old);
        SegmentsValue cube = (SegmentsValue) run.trace().steps().get(1).result().orElseThrow();
        ImageValue replaced = (ImageValue) read.steps().get(2).result().orElseThrow();
        assertEquals(List.of("REPLACE cube -> 'green'", TINTED), replaced.edits());
        assertTrue(
                samePixels(Thumbnails.tintMasks(image.pixels(), cube), replaced.pixels()),
                "REPLACE's input, cube tinted");
        ImageValue popped = (ImageValue) read.steps().get(3).result().orElseThrow();
        assertEquals(List.of("REPLACE cube -> 'green'", "COLORPOP cube"), popped.edits());
        assertTrue(
                samePixels(
                        ImageEdits.colorPop(
                                replaced.pixels(), cube.segments().get(0).mask()),
                        popped.pixels()),
                "COLORPOP replayed on the tinted image");
    }

    /** The question file {@code sdvp eval} would write for this one run. */
    static void record(Path data, Path image, Execution run, Path questions) throws Exception {
        QuestionTraces traces = new QuestionTraces(data);
        traces.questionDone(
                new Example(
                        "edit-sim-0",
                        "edit",
                        "Pop the cube",
                        Map.of("IMAGE", image),
                        Optional.empty(),
                        Optional.empty(),
                        Map.of()),
                new QuestionResult("edit-sim-0", "edit", "Pop the cube", "cube", "cube", 1, null),
                Optional.of(run));
        traces.write(questions);
    }

    static JsonNode line(Path gz) throws Exception {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            return Json.mapper().readTree(in.readLine());
        }
    }

    static List<String> images(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<img src=\"([^\"]*)\"").matcher(html);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) return false;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++)
                if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) return false;
        }
        return true;
    }
}
