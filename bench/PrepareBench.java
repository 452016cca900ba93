import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.sdvp.core.io.Images;
import org.sdvp.models.nn.Pixels;
import org.sdvp.models.train.DataDigest;

/**
 * The Java work around the network, per operation, on one build's classes (docs/performance.md, "Java
 * around the network"): reading a world PNG, a crop's and a whole image's float planes, and a 128×128
 * image's data digest. Run it on two builds to compare them in one session:
 *
 * <pre>
 * java -cp "BUILD/lib/*" bench/PrepareBench.java IMAGE_DIR [ROUNDS]
 * </pre>
 *
 * Prints the median over ROUNDS of each operation's CPU time of this thread per call (µs), after one
 * warm-up round, and a checksum of the outputs (equal between builds when they compute the same floats).
 */
public final class PrepareBench {
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    interface Op {
        double run(int i) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".png")).sorted().limit(200).toList();
        }
        List<BufferedImage> images = new ArrayList<>();
        for (Path p : files) images.add(Images.load(p).pixels());
        List<BufferedImage> crops = new ArrayList<>();
        for (BufferedImage img : images) crops.add(img.getSubimage(37, 41, 34, 29));
        double[] checksum = new double[1];
        bench("read PNG (Images.load)", rounds, files.size(), i -> Images.load(files.get(i)).width());
        bench("crop planes 64x64 (Pixels.fixedScalePlanes)", rounds, crops.size(), i -> sum(
                Pixels.fixedScalePlanes(copy(crops.get(i)), 64, 0.75), checksum));
        bench("whole planes 96x96 (Pixels.planes)", rounds, images.size(), i -> sum(
                Pixels.planes(images.get(i), 96, 96), checksum));
        bench("data digest 128x128 (DataDigest.image)", rounds, images.size(), i -> new DataDigest()
                .image(images.get(i))
                .hex()
                .hashCode());
        System.out.printf("checksum of the planes: %.6f%n", checksum[0]);
    }

    /** Crops as CROP cuts them: their own TYPE_INT_RGB image. */
    private static BufferedImage copy(BufferedImage sub) {
        BufferedImage out = new BufferedImage(sub.getWidth(), sub.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(sub, 0, 0, null);
        return out;
    }

    private static double sum(float[] planes, double[] checksum) {
        double s = 0;
        for (float v : planes) s += v;
        checksum[0] += s;
        return s;
    }

    private static void bench(String name, int rounds, int n, Op op) throws Exception {
        double[] perCall = new double[rounds];
        for (int r = -1; r < rounds; r++) { // round -1 warms up
            long t0 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) op.run(i);
            if (r >= 0) perCall[r] = (CPU.getCurrentThreadCpuTime() - t0) / 1e3 / n;
        }
        Arrays.sort(perCall);
        System.out.printf(
                "%-45s median %8.1f µs per call (min %.1f, max %.1f; %d rounds of %d)%n",
                name, perCall[rounds / 2], perCall[0], perCall[rounds - 1], rounds, n);
    }
}
