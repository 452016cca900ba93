package org.sdvp.models.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sdvp.models.data.StyleMix;
import org.sdvp.models.data.SubTaskSampler;
import org.sdvp.models.data.WorldData;
import org.sdvp.models.train.DjlSetup;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.models.vlm.Pretrainer;
import org.sdvp.models.vlm.VlmConfig;
import org.sdvp.models.vlm.VlmModel;

/**
 * Cost per sample of one student MATCH call on object crops as a function of the batch size, split into
 * input preparation (crop placement, resize, float tensor, text features) and the network's forward pass
 * (with reading the result back). This bounds what cross-program batching can gain: whatever does not get
 * cheaper per sample at a larger batch is paid by both a batched and an unbatched evaluation.
 * <pre>java -Dai.djl.pytorch.num_threads=1 -cp ... org.sdvp.models.bench.BatchCurve [repeats]</pre>
 * Figures are CPU microseconds of the calling thread per sample (median of {@code repeats}), which a shared
 * machine distorts less than wall-clock time.
 */
public final class BatchCurve {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private BatchCurve() {}

    public static void main(String[] args) {
        DjlSetup.configure();
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        SubTaskSet data =
                WorldData.generate(60, StyleMix.general(), new SubTaskSampler(4, 2, 4, 2, 1), 7, "bench", null);
        List<BufferedImage> crops = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (VlmModel vlm = VlmModel.create(
                VlmConfig.defaults(), Pretrainer.wordVocabulary(data, true), Pretrainer.answerVocabulary(), 1)) {
            data.match().stream()
                    .filter(e -> !vlm.isWhole(e.image()))
                    .limit(128)
                    .forEach(e -> {
                        crops.add(e.image());
                        texts.add(e.text());
                    });
            System.out.printf(
                    Locale.ROOT,
                    "threads=%d repeats=%d; MATCH on %d crops; CPU µs per sample%n",
                    DjlSetup.threads(),
                    repeats,
                    crops.size());
            System.out.printf(
                    Locale.ROOT, "%6s %10s %10s %10s %12s%n", "batch", "prepare", "forward", "total", "vs batch 1");
            double single = 0;
            for (int batch : new int[] {1, 2, 4, 8, 16, 32, 64, 128}) {
                double[] prep = new double[repeats], fwd = new double[repeats];
                for (int r = -1; r < repeats; r++) {
                    long p = 0, f = 0;
                    int samples = 0;
                    for (int start = 0; start + batch <= crops.size() && samples < 128; start += batch) {
                        long[] t = once(vlm, crops.subList(start, start + batch), texts.subList(start, start + batch));
                        p += t[0];
                        f += t[1];
                        samples += batch;
                    }
                    if (r >= 0) {
                        prep[r] = p / 1e3 / samples;
                        fwd[r] = f / 1e3 / samples;
                    }
                }
                double total = ModelsBenchmark.median(prep) + ModelsBenchmark.median(fwd);
                if (batch == 1) single = total;
                System.out.printf(
                        Locale.ROOT,
                        "%6d %10.0f %10.0f %10.0f %11.2fx%n",
                        batch,
                        ModelsBenchmark.median(prep),
                        ModelsBenchmark.median(fwd),
                        total,
                        single / total);
            }
        }
    }

    /** CPU nanoseconds for preparing the inputs and for the forward pass of one batch. */
    private static long[] once(VlmModel vlm, List<BufferedImage> images, List<String> texts) {
        try (NDManager m = vlm.model().getNDManager().newSubManager()) {
            long c0 = CPU.getCurrentThreadCpuTime();
            NDArray visual = vlm.crops(m, images);
            NDArray text = vlm.texts(m, texts);
            long c1 = CPU.getCurrentThreadCpuTime();
            Activation.sigmoid(vlm.block().match(new ParameterStore(m, false), visual, text, false))
                    .toFloatArray();
            long c2 = CPU.getCurrentThreadCpuTime();
            return new long[] {c1 - c0, c2 - c1};
        }
    }
}
