package org.sdvp.world.instruct;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import javax.imageio.ImageIO;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.value.Detection;
import org.sdvp.world.io.Provenance;
import org.sdvp.world.io.SceneCodec;
import org.sdvp.world.io.WorldFiles;
import org.sdvp.world.oracle.OracleTools;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.style.StyleMix;
import org.sdvp.world.task.Seeds;

/**
 * Generates one split of an instruction task: scenes from the split's seed, one instruction per scene (types
 * in round-robin order), images, gold images (edit-sim), {@code scenes.json} (as every world task) and
 * {@code instructions.json}. Single-threaded; the same request gives byte-identical files on one JDK.
 */
public final class InstructionGenerator {
    /** Scenes tried for one instruction before giving up (a type no scene supports is a bug). */
    static final int MAX_ATTEMPTS = 1000;

    public record Request(
            InstructionTaskSpec task,
            String split,
            int count,
            long seed,
            String style,
            Path dir,
            SceneGenerator.Config config) {}

    public void generate(Request r, IntConsumer progress) throws IOException {
        SplittableRandom rng = new SplittableRandom(Seeds.of(r.task().name(), r.split(), r.seed()));
        SceneGenerator scenes = new SceneGenerator(r.config());
        StyleMix mix = StyleMix.parse(r.style());
        List<String> types = r.task().instructions().types();
        Files.createDirectories(r.dir().resolve("images"));
        ObjectNode info = WorldFiles.info(new Provenance(
                Provenance.VERSION,
                r.task().name(),
                r.split(),
                r.seed(),
                r.style(),
                r.count(),
                r.config().width(),
                r.config().height()));
        ObjectNode scenesFile = WorldFiles.object();
        scenesFile.set("info", info);
        ArrayNode sceneNodes = scenesFile.putArray("scenes");
        ObjectNode file = WorldFiles.object();
        file.set("info", info);
        ArrayNode rows = file.putArray("instructions");
        for (int i = 0; i < r.count(); i++) {
            String type = types.get(i % types.size());
            String name = String.format(Locale.ROOT, "%s_%s_%06d.png", r.task().name(), r.split(), i);
            Scene s = null;
            Optional<Instruction> made = Optional.empty();
            for (int attempt = 0; made.isEmpty(); attempt++) {
                if (attempt == MAX_ATTEMPTS) throw new IllegalStateException("no scene supports " + type);
                Scene drawn = scenes.next(rng, r.style(), name);
                s = mix.single() ? drawn : drawn.withStyle(mix.pick(drawn.seed()));
                made = r.task().instructions().make(type, s, rng);
            }
            Instruction in = made.get();
            writePng(r.dir().resolve("images").resolve(name), OracleTools.render(s));
            sceneNodes.add(SceneCodec.encode(s, r.split(), i));
            ObjectNode row = rows.addObject();
            row.put("index", i);
            row.put("type", in.type());
            row.put("instruction", in.text());
            row.put("image_filename", name);
            row.put("program", in.program());
            gold(r, in.gold(), name, row);
            progress.accept(i + 1);
        }
        WorldFiles.write(r.dir().resolve("scenes.json"), scenesFile);
        WorldFiles.write(r.dir().resolve(InstructionTaskSpec.FILE), file);
    }

    private static void gold(Request r, Instruction.Gold gold, String name, ObjectNode row) throws IOException {
        if (gold instanceof Instruction.Answer a) {
            row.put("answer", a.answer());
        } else if (gold instanceof Instruction.Tags t) {
            ArrayNode tags = row.putArray("answer_tags");
            for (Detection d : t.tags()) {
                ObjectNode tag = tags.addObject();
                tag.putArray("box")
                        .add(d.box().x1())
                        .add(d.box().y1())
                        .add(d.box().x2())
                        .add(d.box().y2());
                tag.put("label", d.label());
            }
        } else if (gold instanceof Instruction.EditedImage e) {
            Files.createDirectories(r.dir().resolve("gold"));
            writePng(r.dir().resolve("gold").resolve(name), e.image());
            row.put("answer_image", "gold/" + name);
        }
    }

    static void writePng(Path file, BufferedImage img) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) throw new IOException("no PNG writer available");
        });
    }
}
