package org.sdvp.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sdvp.core.trace.Thumbnails;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.world.render.Renderer;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.style.Styles;

/**
 * What one thumbnail of a rationale costs (sdvp-core's {@code Thumbnails}, which {@code sdvp serve}'s rationale
 * pages and {@code sdvp run --html} draw every image with), taken apart so the PNG writer's share and the
 * cache's can be told apart:
 *
 * <ul>
 *   <li>{@code before}: the code before the writer and the cache (commit 75a7d0b): scale and draw, the JDK's
 *       {@code ImageIO} PNG writer, base64;
 *   <li>{@code miss}: {@code Thumbnails.dataUri} on pixels it has not seen (one pixel changes every call): hash,
 *       scale and draw, the own PNG writer, base64, into the cache;
 *   <li>{@code hit}: {@code Thumbnails.dataUri} on the same pixels again: the SHA-256 of the pixels and a lookup;
 *   <li>{@code draw}, {@code writeImageIo}, {@code writeOwn}: scaling and drawing alone, and each writer alone on
 *       the drawn thumbnail.
 * </ul>
 *
 * <p>Images: {@code scene}, a 128 × 128 world scene (style studio, seed 7) with one box, as a LOC step shows it;
 * {@code flat}, the 96 × 96 flat image of {@code sdvp serve bench}'s synthetic experiment. Both drawn with a
 * longest side of 192 px, as a rationale draws them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ThumbnailsBench {
    static final int SIDE = 192; // TraceHtml's thumbnail size

    @Param({"scene", "flat"})
    public String image;

    private BufferedImage source;
    private BufferedImage changing;
    private BufferedImage drawn;
    private List<Detection> boxes;
    private int tick;

    @Setup
    public void setUp() {
        if (image.equals("scene")) {
            SceneGenerator gen = new SceneGenerator(SceneGenerator.Config.defaults());
            source = new Renderer()
                    .render(gen.next(new java.util.SplittableRandom(7), "studio", "bench.png"), Styles.get("studio"));
        } else {
            source = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = source.createGraphics();
            g.setColor(new Color(200, 200, 205));
            g.fillRect(0, 0, 96, 96);
            g.setColor(Color.BLUE);
            g.fillRect(28, 20, 30, 30);
            g.dispose();
        }
        boxes = List.of(new Detection(Box.ofSize(28, 20, 30, 30), "cube", 0.9));
        changing = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        changing.getGraphics().drawImage(source, 0, 0, null);
        drawn = Thumbnails.drawn(source, boxes, SIDE);
    }

    @Benchmark
    public String before() throws IOException {
        return "data:image/png;base64,"
                + Base64.getEncoder().encodeToString(imageIo(Thumbnails.drawn(source, boxes, SIDE)));
    }

    @Benchmark
    public String miss() {
        changing.setRGB(0, 0, tick++ & 0xFFFFFF); // new pixels: never in the cache (2^24 distinct images)
        return Thumbnails.dataUri(changing, boxes, SIDE);
    }

    @Benchmark
    public String hit() {
        return Thumbnails.dataUri(source, boxes, SIDE);
    }

    @Benchmark
    public BufferedImage draw() {
        return Thumbnails.drawn(source, boxes, SIDE);
    }

    @Benchmark
    public byte[] writeImageIo() throws IOException {
        return imageIo(drawn);
    }

    @Benchmark
    public byte[] writeOwn() {
        return Thumbnails.png(drawn);
    }

    /** PNG bytes as the code before the own writer made them: {@code ImageIO.write} to a byte stream. */
    private static byte[] imageIo(BufferedImage img) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        return bytes.toByteArray();
    }
}
