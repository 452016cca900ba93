package org.sdvp.models.bench;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sdvp.models.data.StyleMix;
import org.sdvp.models.data.SubTaskSampler;
import org.sdvp.models.data.WorldData;
import org.sdvp.models.train.DjlSetup;
import org.sdvp.models.train.StepLoop;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.models.vlm.Pretrainer;
import org.sdvp.models.vlm.VlmConfig;
import org.sdvp.models.vlm.VlmModel;
import org.sdvp.models.vlm.VlmTrainConfig;
import org.sdvp.models.vlm.VlmTrainer;

/**
 * Student throughput on this machine: training samples/s (the pretraining mix) and inference samples/s
 * for VQA on crops and LOC on whole images at batch 1 and 32. The thread count is the JVM's
 * {@code -Dai.djl.pytorch.num_threads} (fixed when the engine starts), so run it once per setting:
 * <pre>java -Dai.djl.pytorch.num_threads=1 -cp ... org.sdvp.models.bench.ModelsBenchmark [repeats]</pre>
 * Each figure is the median of {@code repeats} runs; wall-clock and the calling thread's CPU time are both
 * printed, because a shared machine slows the first and not the second.
 */
public final class ModelsBenchmark {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private ModelsBenchmark() {}

    public static void main(String[] args) {
        DjlSetup.configure();
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        SubTaskSet data =
                WorldData.generate(120, StyleMix.general(), new SubTaskSampler(4, 2, 4, 2, 1), 7, "bench", null);
        System.out.printf(
                Locale.ROOT,
                "threads=%d repeats=%d cores=%d%n",
                DjlSetup.threads(),
                repeats,
                Runtime.getRuntime().availableProcessors());
        try (VlmModel vlm = VlmModel.create(
                VlmConfig.defaults(), Pretrainer.wordVocabulary(data, true), Pretrainer.answerVocabulary(), 1)) {
            System.out.printf(Locale.ROOT, "student parameters=%d%n", vlm.parameterCount());
            VlmTrainConfig tc = VlmTrainConfig.defaults(20, 1).withBatches(24, 16, 8);
            new VlmTrainer(vlm, tc.withSteps(5)).train(data, null); // warm-up
            double[] wall = new double[repeats], cpu = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                StepLoop.Result res = new VlmTrainer(vlm, tc).train(data, null);
                wall[r] = res.samplesPerSecond();
                cpu[r] = tc.steps() * tc.samplesPerStep() / res.cpuSeconds();
            }
            print("train mix 24 VQA + 16 MATCH + 8 LOC per step", wall, cpu);
            List<BufferedImage> crops = new ArrayList<>();
            List<String> qs = new ArrayList<>();
            data.vqa().stream().filter(e -> !vlm.isWhole(e.image())).limit(32).forEach(e -> {
                crops.add(e.image());
                qs.add(e.question());
            });
            List<BufferedImage> wholes = data.loc().stream()
                    .map(e -> e.image())
                    .filter(vlm::isWhole)
                    .limit(32)
                    .toList();
            List<String> phrases = data.loc().stream()
                    .filter(e -> vlm.isWhole(e.image()))
                    .limit(32)
                    .map(e -> e.phrase())
                    .toList();
            for (int batch : new int[] {1, 32}) {
                inference(
                        "infer VQA crop batch " + batch,
                        repeats,
                        batch,
                        () -> vlm.vqaProbabilities(crops.subList(0, batch), qs.subList(0, batch)));
                inference(
                        "infer LOC whole batch " + batch,
                        repeats,
                        batch,
                        () -> vlm.locate(wholes.subList(0, batch), phrases.subList(0, batch), 0.5, 0.5, 16));
            }
        }
    }

    private static void inference(String name, int repeats, int batch, Runnable call) {
        int calls = Math.max(4, 64 / batch);
        call.run();
        double[] wall = new double[repeats], cpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime(), c0 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) call.run();
            wall[r] = calls * batch / ((System.nanoTime() - t0) / 1e9);
            cpu[r] = calls * batch / ((CPU.getCurrentThreadCpuTime() - c0) / 1e9);
        }
        print(name, wall, cpu);
    }

    private static void print(String name, double[] wall, double[] cpu) {
        System.out.printf(
                Locale.ROOT,
                "%-46s median %7.1f samples/s wall  %7.1f samples/s per CPU-second%n",
                name,
                median(wall),
                median(cpu));
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
