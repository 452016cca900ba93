package org.sdvp.serve.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.sdvp.core.io.Json;

/**
 * Writes a synthetic experiment folder in the layout {@code sdvp experiment} leaves (report.json, the
 * results and question files of every row × task, the source images, one stage), without training or
 * evaluating anything: the fixture of the server's tests, of {@code sdvp serve bench} and of the screenshots.
 * Deterministic for a seed. Question {@code 0} of every task carries {@link #injection} in its text, answer
 * and program, so the pages' escaping is exercised by every use.
 *
 * @param rows      row names, {@code baseline} first (e.g. {@code sdvp:gqa-sim})
 * @param tasks     task names
 * @param questions questions per task
 * @param images    source images per task, at least {@link #IMAGES}: question {@code i} shows image {@code i %
 *     images}, so with as many images as questions no two questions share one (images past the eighth differ from
 *     the first eight by their background's shade)
 */
public record SampleExperiment(
        List<String> rows, List<String> tasks, int questions, long seed, String injection, int images) {
    public static final String INJECTION = "<script>alert('xss')</script><img src=x onerror=alert(1)>";
    /** The tests' number of source images per task, and the least there is. */
    public static final int IMAGES = 8;

    static final int SIZE = 96;
    static final String[] COLORS = {"red", "green", "blue", "yellow"};

    public SampleExperiment {
        if (images < IMAGES || images > 8 * 200)
            throw new IllegalArgumentException("images per task must be " + IMAGES + ".." + 8 * 200 + ": " + images);
    }

    /** The small fixture of the tests: 4 rows × 2 tasks × 12 questions. */
    public static SampleExperiment small() {
        return new SampleExperiment(
                List.of("baseline", "oracle", "sdvp:gqa-sim", "naive-ft:gqa-sim"),
                List.of("gqa-sim", "count-sim"),
                12,
                1,
                INJECTION,
                IMAGES);
    }

    /**
     * {@code rows} rows × {@code tasks} tasks × {@code questions} questions (the benchmark's size: 20 × 5 × 300),
     * {@code images} source images per task.
     */
    public static SampleExperiment sized(int rowCount, int taskCount, int questions, int images) {
        List<String> rows = new ArrayList<>(List.of("baseline", "oracle"));
        for (int i = rows.size(); i < rowCount; i++) rows.add("sdvp:task-" + i);
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < taskCount; i++) tasks.add("task-" + i);
        return new SampleExperiment(rows.subList(0, rowCount), tasks, questions, 1, INJECTION, images);
    }

    public void write(Path out) throws IOException {
        Random rnd = new Random(seed);
        ObjectNode report = Json.mapper().createObjectNode();
        report.put("preset", "sample");
        report.putArray("seeds").add(1);
        ObjectNode fw = report.putObject("frameworks").putObject("visprog");
        ObjectNode scores = fw.putObject("rows"),
                spread = fw.putObject("spread"),
                counts = fw.putObject("counts"),
                runs = fw.putObject("runs"),
                intervals = fw.putObject("deltas");
        ObjectNode deltas = report.putObject("deltas").putObject("visprog").putObject("rows");
        for (String task : tasks) {
            counts.put(task, questions);
            writeImages(out.resolve("data").resolve(task).resolve("test").resolve("images"));
        }
        double[] baseline = new double[tasks.size()];
        for (String row : rows) {
            ObjectNode s = scores.putObject(row),
                    sp = spread.putObject(row),
                    d = deltas.putObject(row),
                    iv = intervals.putObject(row);
            runs.put(row, 1);
            double skill = row.equals("oracle") ? 1.0 : 0.35 + 0.3 * rnd.nextDouble();
            for (int t = 0; t < tasks.size(); t++) {
                String task = tasks.get(t);
                double score = cell(out, row, task, skill, rnd);
                if (row.equals("baseline")) baseline[t] = score;
                s.put(task, score);
                sp.put(task, 0.0);
                d.put(task, score - baseline[t]);
                iv.putObject(task)
                        .put("mean", score - baseline[t])
                        .put("lo", score - baseline[t] - 0.05)
                        .put("hi", score - baseline[t] + 0.05);
            }
        }
        report.putObject("provenance")
                .put("sdvp", "sample")
                .put("java", System.getProperty("java.version"))
                .put("data", "synthetic (SampleExperiment seed " + seed + ")");
        Json.write(out.resolve("report.json"), report);
        stage(out.resolve("stages").resolve("seed-1").resolve("sdvp-" + tasks.get(0)), rnd);
    }

    /**
     * A single evaluation as {@code sdvp eval --out OUT/TASK.json} leaves it: the baseline's results and
     * question file of the first task of the experiment written to {@code experiment}, with the data folder
     * it was run on ({@code provenance.data}, absolute) pointing into that experiment.
     *
     * @return the results file
     */
    public Path writeEvaluation(Path experiment, Path out) throws IOException {
        String task = tasks.get(0);
        Path cell = experiment
                .resolve("eval")
                .resolve("visprog")
                .resolve("baseline")
                .resolve("shared");
        ObjectNode r =
                (ObjectNode) Json.mapper().readTree(cell.resolve(task + ".json").toFile());
        ((ObjectNode) r.get("provenance"))
                .put(
                        "data",
                        experiment
                                .resolve("data")
                                .resolve(task)
                                .toAbsolutePath()
                                .normalize()
                                .toString());
        Files.createDirectories(out);
        Files.copy(
                cell.resolve(task + ".questions.jsonl.gz"),
                out.resolve(task + ".questions.jsonl.gz"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path results = out.resolve(task + ".json");
        Json.write(results, r);
        return results;
    }

    /** One row on one task: results.json and its question file; returns the score. */
    private double cell(Path out, String row, String task, double skill, Random rnd) throws IOException {
        Path dir = out.resolve("eval")
                .resolve("visprog")
                .resolve(row.replace(':', '_'))
                .resolve("shared");
        ArrayNode misses = Json.mapper().createArrayNode();
        List<String> lines = new ArrayList<>();
        int right = 0;
        for (int i = 0; i < questions; i++) {
            String id = task + "-" + String.format("%05d", i);
            int color = (i * 7 + 3) % COLORS.length;
            String gold = COLORS[color];
            boolean ok = rnd.nextDouble() < skill;
            String prediction = i == 0 ? injection : ok ? gold : COLORS[(color + 1) % COLORS.length];
            boolean correct = ok && i != 0;
            ObjectNode q = Json.mapper()
                    .createObjectNode()
                    .put("id", id)
                    .put("type", i % 3 == 0 ? "query_color" : "verify_color")
                    .put("question", (i == 0 ? injection + " " : "") + "What color is the cube number " + i + "?")
                    .put("prediction", prediction)
                    .put("gold", gold)
                    .put("score", correct ? 1.0 : 0.0)
                    .putNull("error");
            if (correct) right++;
            else misses.add(q.deepCopy());
            lines.add(trace(q, i, prediction).toString());
        }
        double score = (double) right / questions;
        ObjectNode r = Json.mapper()
                .createObjectNode()
                .put("task", task)
                .put("split", "test")
                .put("framework", "visprog")
                .put("modules", row.equals("oracle") ? "oracle" : "vlm:sample/" + row)
                .put("metric", "exact-match")
                .put("count", questions)
                .put("score", score)
                .put("errors", 0);
        r.putObject("byType").putObject("query_color").put("count", questions).put("score", score);
        r.set("misses", misses);
        r.put("seconds", 1.0);
        r.putObject("provenance").put("row", row).put("sdvp", "sample");
        Files.createDirectories(dir);
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve(task + ".questions.jsonl.gz")))) {
            for (String l : lines) gz.write((l + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Json.write(dir.resolve(task + ".json"), r);
        return score;
    }

    /** A question's line: LOC the cube, CROP it, VQA its colour, with the model calls. */
    private ObjectNode trace(ObjectNode q, int i, String answer) {
        String image = "img-" + (i % images) + ".png";
        ObjectNode line = q.deepCopy();
        line.putObject("images").put("IMAGE", "test/images/" + image);
        line.putObject("initial").set("IMAGE", imageValue(image, 0, 0, SIZE, SIZE));
        int x = cubeX(i % images), y = 20;
        line.put(
                "program",
                "BOX0=LOC(image=IMAGE,object='cube')\nIMAGE0=CROP(image=IMAGE,box=BOX0)\n"
                        + "ANSWER0=VQA(image=IMAGE0,question='What color is the cube?')\nFINAL_RESULT=RESULT(var=ANSWER0)"
                        + (i == 0 ? "\n# " + answer : ""));
        ArrayNode steps = line.putArray("steps");
        ObjectNode loc = step(steps, 0, "BOX0=LOC(image=IMAGE,object='cube')", "LOC", "BOX0");
        loc.putObject("inputs").put("object", "x").set("image", imageValue(image, 0, 0, SIZE, SIZE));
        ((ObjectNode) loc.get("inputs"))
                .set(
                        "object",
                        Json.mapper().createObjectNode().put("type", "text").put("value", "cube"));
        ObjectNode boxes = loc.putObject("result").put("type", "boxes");
        ArrayNode b = boxes.putArray("boxes");
        b.addObject()
                .put("label", "cube")
                .put("score", 0.9)
                .putArray("box")
                .add(x)
                .add(y)
                .add(x + 30)
                .add(y + 30);
        ObjectNode call = loc.putArray("calls")
                .addObject()
                .put("kind", "LOC")
                .put("text", "cube")
                .put("backend", "vlm");
        call.set("image", imageValue(image, 0, 0, SIZE, SIZE));
        call.set("response", b.deepCopy());
        ObjectNode crop = step(steps, 1, "IMAGE0=CROP(image=IMAGE,box=BOX0)", "CROP", "IMAGE0");
        crop.putObject("inputs").set("image", imageValue(image, 0, 0, SIZE, SIZE));
        ((ObjectNode) crop.get("inputs")).set("box", boxes.deepCopy());
        crop.set("result", imageValue(image, x, y, x + 30, y + 30));
        crop.putArray("calls");
        ObjectNode vqa =
                step(steps, 2, "ANSWER0=VQA(image=IMAGE0,question='What color is the cube?')", "VQA", "ANSWER0");
        vqa.putObject("inputs").set("image", imageValue(image, x, y, x + 30, y + 30));
        vqa.putObject("result").put("type", "text").put("value", answer);
        ObjectNode vc = vqa.putArray("calls")
                .addObject()
                .put("kind", "VQA")
                .put("text", "What color is the cube?")
                .put("backend", "vlm");
        vc.set("image", imageValue(image, x, y, x + 30, y + 30));
        vc.putObject("response").put("answer", answer).put("confidence", 0.8);
        return line;
    }

    private static ObjectNode step(ArrayNode steps, int index, String text, String module, String output) {
        ObjectNode s = steps.addObject()
                .put("step", index)
                .put("line", index + 1)
                .put("text", text)
                .put("module", module)
                .put("output", output);
        s.put("micros", 100 + index);
        s.putNull("error");
        return s;
    }

    private static ObjectNode imageValue(String source, int x1, int y1, int x2, int y2) {
        ObjectNode v = Json.mapper().createObjectNode().put("type", "image").put("source", source);
        v.putArray("region").add(x1).add(y1).add(x2).add(y2);
        return v;
    }

    /** Where image {@code k}'s cube starts. */
    private static int cubeX(int k) {
        return 10 + (k % IMAGES) * 6;
    }

    private void writeImages(Path dir) throws IOException {
        Files.createDirectories(dir);
        Color[] colors = {Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW};
        for (int i = 0; i < images; i++) {
            BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(200 - i / IMAGES, 200, 205));
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(colors[(i * 7 + 3) % colors.length]);
            g.fillRect(cubeX(i), 20, 30, 30);
            g.dispose();
            ImageIO.write(img, "png", dir.resolve("img-" + i + ".png").toFile());
        }
    }

    /** A stage folder: stage.json (labels, curve, time) and calls.jsonl. */
    private void stage(Path dir, Random rnd) throws IOException {
        Files.createDirectories(dir);
        ObjectNode s = Json.mapper().createObjectNode().put("task", tasks.get(0));
        ObjectNode labels = s.putObject("labels");
        labels.putObject("calls").put("LOC", 400).put("VQA", 600);
        labels.putObject("kept").put("LOC", 250).put("VQA", 380);
        labels.putObject("inconsistent").put("LOC", 120).put("VQA", 160);
        labels.putObject("uncovered").put("LOC", 0).put("VQA", 40);
        labels.putObject("unsure").put("LOC", 30).put("VQA", 20);
        labels.putObject("missingImage").put("LOC", 0).put("VQA", 0);
        s.put("replayTargets", 200).put("steps", 150).put("resumedFrom", 0).put("lossCurveWindow", 10);
        ArrayNode curve = s.putArray("lossCurve");
        for (int i = 0; i < 15; i++) curve.add(2.0 * Math.exp(-i / 5.0) + 0.3 + 0.05 * rnd.nextDouble());
        s.putObject("seconds")
                .put("collect", 4.0)
                .put("label", 3.0)
                .put("replay", 10.0)
                .put("distill", 60.0);
        s.putObject("config").put("seed", 1).put("steps", 150).put("tau", 2.0);
        s.put("calls", dir.resolve("calls.jsonl").toString());
        Json.write(dir.resolve("stage.json"), s);
        Path data = dir.getParent()
                .getParent()
                .getParent()
                .resolve("data")
                .resolve(tasks.get(0))
                .resolve("test")
                .resolve("images");
        StringBuilder calls = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String image = "img-" + (i % IMAGES) + ".png";
            int x = cubeX(i % IMAGES);
            ObjectNode c = Json.mapper()
                    .createObjectNode()
                    .put("questionId", tasks.get(0) + "-" + i)
                    .put("questionType", "query_color")
                    .put("step", i % 2 == 0 ? 0 : 2)
                    .put("line", 1)
                    .put("module", i % 2 == 0 ? "LOC" : "VQA")
                    .put("kind", i % 2 == 0 ? "LOC" : "VQA")
                    .put("sourceImage", image)
                    .put("imagePath", data.resolve(image).toAbsolutePath().toString());
            if (i % 2 == 0) {
                c.putArray("region").add(0).add(0).add(SIZE).add(SIZE);
                c.put("text", "cube");
                c.putArray("response")
                        .addObject()
                        .put("label", "cube")
                        .put("score", 0.9)
                        .putArray("box")
                        .add(x)
                        .add(20)
                        .add(x + 30)
                        .add(50);
            } else {
                c.putArray("region").add(x).add(20).add(x + 30).add(50);
                c.put("text", "What color is the cube?");
                c.putObject("response")
                        .put("answer", COLORS[(i * 7 + 3) % COLORS.length])
                        .put("confidence", 0.7);
            }
            c.put("backend", "teacher").put("answerConsistent", i % 3 != 0);
            calls.append(c).append('\n');
        }
        Files.writeString(dir.resolve("calls.jsonl"), calls);
        distributions(dir, data, rnd);
    }

    /** distributions.json as DistillStage writes it: teacher vs student before/after on a few targets. */
    private static void distributions(Path dir, Path images, Random rnd) throws IOException {
        ObjectNode d = Json.mapper().createObjectNode();
        ArrayNode vqa = d.putArray("vqa");
        for (int i = 0; i < 4; i++) {
            String gold = COLORS[(i * 7 + 3) % COLORS.length], wrong = COLORS[(i * 7 + 4) % COLORS.length];
            BufferedImage crop =
                    ImageIO.read(images.resolve("img-" + i + ".png").toFile()).getSubimage(10 + i * 6, 20, 30, 30);
            ObjectNode c = vqa.addObject()
                    .put("text", "What color is the cube?")
                    .put("image", org.sdvp.core.trace.Thumbnails.dataUri(crop, List.of(), 64));
            double before = 0.2 + 0.2 * rnd.nextDouble(), after = 0.7 + 0.2 * rnd.nextDouble();
            c.putArray("teacher").add(answer(gold, 0.9)).add(answer(wrong, 0.1));
            c.putArray("before").add(answer(wrong, 1 - before)).add(answer(gold, before));
            c.putArray("after").add(answer(gold, after)).add(answer(wrong, 1 - after));
            c.put("teacherAnswer", gold).put("teacherAnswerBefore", before).put("teacherAnswerAfter", after);
        }
        d.putArray("match")
                .addObject()
                .put("text", "cube")
                .put("image", vqa.get(0).get("image").asText())
                .put("teacher", 0.95)
                .put("before", 0.4)
                .put("after", 0.85);
        Json.write(dir.resolve("distributions.json"), d);
    }

    private static ObjectNode answer(String a, double p) {
        return Json.mapper().createObjectNode().put("answer", a).put("p", p);
    }
}
