import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.sdvp.bench.ThumbnailsBench;

/**
 * sdvp-bench's {@code ThumbnailsBench} timed by the CPU time of this thread instead of the wall clock, for a
 * shared, loaded machine where JMH's average time mostly measures waiting for a core (docs/performance.md,
 * "One thumbnail: the writer and the cache"):
 *
 * <pre>
 * java -cp "sdvp-bench/target/sdvp-bench.jar:sdvp-bench/target/lib/*" bench/ThumbnailsCpu.java [CALLS] [ROUNDS]
 * </pre>
 *
 * Per image (scene, flat) and operation: CALLS calls of warm-up, then ROUNDS rounds of CALLS calls; prints the
 * median over the rounds of the CPU µs per call.
 */
public class ThumbnailsCpu {
    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        String[] ops = {"before", "miss", "hit", "draw", "writeImageIo", "writeOwn"};
        System.out.printf(Locale.ROOT, "%-8s %-13s %12s%n", "image", "operation", "CPU us/call");
        for (String image : new String[] {"scene", "flat"}) {
            ThumbnailsBench b = new ThumbnailsBench();
            b.image = image;
            b.setUp();
            for (String op : ops) {
                for (int i = 0; i < calls; i++) call(b, op);
                List<Double> us = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    long t = cpu.getCurrentThreadCpuTime();
                    for (int i = 0; i < calls; i++) call(b, op);
                    us.add((cpu.getCurrentThreadCpuTime() - t) / 1e3 / calls);
                }
                Collections.sort(us);
                System.out.printf(Locale.ROOT, "%-8s %-13s %12.1f%n", image, op, us.get(us.size() / 2));
            }
        }
    }

    private static Object call(ThumbnailsBench b, String op) throws Exception {
        return switch (op) {
            case "before" -> b.before();
            case "miss" -> b.miss();
            case "hit" -> b.hit();
            case "draw" -> b.draw();
            case "writeImageIo" -> b.writeImageIo();
            default -> b.writeOwn();
        };
    }
}
