package org.sdvp.world.task;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import javax.imageio.ImageIO;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.data.clevr.program.ExecutionException;
import org.sdvp.data.clevr.program.FunctionalProgram;
import org.sdvp.data.clevr.program.SymbolicExecutor;
import org.sdvp.world.io.Provenance;
import org.sdvp.world.question.Question;
import org.sdvp.world.render.Renderer;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.style.StyleMix;
import org.sdvp.world.style.Styles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates one split of a task: draws scenes and questions from the split's seed (types in round-robin
 * order, answers balanced by rejection), computes answers with the symbolic executor, renders the images
 * and writes the files ({@link SplitWriter}). The same request gives byte-identical files.
 *
 * <p>Single-threaded by design: the random stream is consumed in one fixed order.
 */
public final class DatasetGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetGenerator.class);
    /** Draws for one question before the balance cap is waived for it (logged); never reached in practice. */
    static final int MAX_ATTEMPTS = 20_000;
    /** Questions tried on one drawn scene (or pair) before new scenes are drawn. */
    static final int QUESTIONS_PER_SCENE = 8;
    /** Image pairs per nlvr-sim sentence: consecutive rows share the sentence, each with its own pair. */
    public static final int PAIRS_PER_SENTENCE = 2;

    /**
     * @param style a style or a {@link StyleMix} spec ({@code studio:65,fog:25,clutter:10}, {@code general})
     * @param dir   the split's folder (images go to {@code dir/images})
     */
    public record Request(
            WorldTaskSpec task,
            String split,
            int count,
            long seed,
            String style,
            Path dir,
            SceneGenerator.Config config) {
        public Request {
            if (count < 1) throw new IllegalArgumentException("count must be at least 1: " + count);
            StyleMix.parse(style);
        }

        public Provenance provenance() {
            return new Provenance(
                    Provenance.VERSION, task.name(), split, seed, style, count, config.width(), config.height());
        }
    }

    private final SymbolicExecutor executor = new SymbolicExecutor();

    /** Draws the examples without rendering or writing anything. */
    public List<GeneratedExample> draw(Request r) {
        SplittableRandom rng = new SplittableRandom(Seeds.of(r.task().name(), r.split(), r.seed()));
        SceneGenerator scenes = new SceneGenerator(r.config());
        StyleMix mix = StyleMix.parse(r.style());
        List<String> types = r.task().questions().types();
        int images = r.task().questions().images();
        // NLVR2 shows each sentence with several image pairs (its consistency metric needs that)
        int perSentence = images == 2 ? PAIRS_PER_SENTENCE : 1;
        List<String> typeOf = new ArrayList<>(r.count());
        for (int i = 0; i < r.count(); i++) typeOf.add(types.get((i / perSentence) % types.size()));
        Balancer balance = new Balancer(typeOf);
        List<GeneratedExample> out = new ArrayList<>(r.count());
        for (int i = 0; i < r.count(); i++) {
            String type = typeOf.get(i);
            Question shared = i % perSentence == 0 ? null : out.get(i - 1).question();
            GeneratedExample ex = null;
            List<Scene> drawn = null;
            for (int attempt = 0; ex == null; attempt++) {
                // a few questions are tried on each drawn scene before drawing new ones: scenes cost more
                if (attempt % QUESTIONS_PER_SCENE == 0 || shared != null) {
                    drawn = new ArrayList<>(images);
                    for (int k = 0; k < images; k++) {
                        Scene s = scenes.next(rng, r.style(), fileName(r, i, k, images));
                        drawn.add(mix.single() ? s : s.withStyle(mix.pick(s.seed())));
                    }
                }
                Question q = shared != null ? shared : r.task().questions().make(type, drawn, rng);
                if (q == null) continue;
                Object answer;
                try {
                    FunctionalProgram p = q.program().typed();
                    answer = images == 1
                            ? executor.run(p, drawn.get(0))
                            : executor.run(p, Map.of("left", drawn.get(0), "right", drawn.get(1)));
                } catch (ExecutionException e) {
                    continue; // a question the scene does not support; draw again
                }
                String key = Answers.balanceKey(r.task().answers(), answer);
                boolean waive = attempt >= MAX_ATTEMPTS;
                if (!waive && !balance.admits(type, key, answer instanceof Boolean)) continue;
                if (waive)
                    LOG.warn(
                            "{} question {}: balance cap waived after {} draws",
                            r.task().name(),
                            i,
                            attempt);
                balance.accept(type, key);
                ex = new GeneratedExample(i, i / perSentence, q, drawn, answer);
            }
            out.add(ex);
        }
        return out;
    }

    /** Draws, renders and writes the split; {@code progress} receives the number of examples written. */
    public List<GeneratedExample> generate(Request r, IntConsumer progress) throws IOException {
        List<GeneratedExample> examples = draw(r);
        Path imageDir = r.dir().resolve("images");
        Files.createDirectories(imageDir);
        Renderer renderer = new Renderer();
        int done = 0;
        for (GeneratedExample ex : examples) {
            for (Scene s : ex.scenes())
                writePng(imageDir.resolve(s.imageFilename()), renderer.render(s, Styles.get(s.style())));
            progress.accept(++done);
        }
        new SplitWriter(r).write(examples);
        return examples;
    }

    static void writePng(Path file, BufferedImage img) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) throw new IOException("no PNG writer available");
        });
    }

    /** CLEVR-style names, unique across tasks and splits so one data folder can hold them all. */
    static String fileName(Request r, int index, int image, int images) {
        String base =
                String.format(java.util.Locale.ROOT, "%s_%s_%06d", r.task().name(), r.split(), index);
        return images == 1 ? base + ".png" : base + "-img" + image + ".png";
    }
}
