package org.sdvp.models.vlm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.models.checkpoint.Provenance;
import org.sdvp.models.data.StyleMix;
import org.sdvp.models.data.WorldData;
import org.sdvp.models.data.WorldLexicon;
import org.sdvp.models.text.Tokenizer;
import org.sdvp.models.text.Vocabulary;
import org.sdvp.models.train.ResumableTraining;
import org.sdvp.models.train.StateOptions;
import org.sdvp.models.train.StepLoop;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.world.scene.SceneGenerator;

/**
 * Pretrains the general student: generates fresh scenes in the general styles only (the target tasks'
 * styles, dusk and clutter, are absent — see docs/models.md), samples them into sub-task examples,
 * trains, evaluates on held-out general scenes and on the target styles (to show what the student has not
 * learned), and writes the checkpoint with its full provenance.
 */
public final class Pretrainer {
    /** Styles of the target tasks: measured, never trained on. */
    public static final List<String> TARGET_STYLES = List.of("dusk", "clutter");

    private final PretrainPreset preset;
    private final long seed;

    public Pretrainer(PretrainPreset preset, long seed) {
        this.preset = preset;
        this.seed = seed;
    }

    /** What a run produced. */
    public record Result(
            Path checkpoint,
            long parameters,
            Map<String, Double> metrics,
            double dataSeconds,
            double trainSeconds,
            double samplesPerSecond) {}

    public Result run(Path out, PrintStream log) throws IOException {
        try {
            return run(out, log, null);
        } catch (DataException e) {
            throw new IllegalStateException("unreachable without a saved state", e);
        }
    }

    /**
     * {@link #run(Path, PrintStream)} that saves its training state as {@code state} says (null for none) and
     * continues from a saved state: after a kill, the same command ends with the same checkpoint. The state
     * folder is deleted once the checkpoint is written.
     *
     * @throws DataException when the saved state belongs to another run or cannot be read
     */
    public Result run(Path out, PrintStream log, StateOptions state) throws IOException, DataException {
        long t0 = System.nanoTime();
        log(
                log,
                "generating " + preset.scenes() + " general scenes ("
                        + preset.styles().shares() + ")");
        SubTaskSet train = WorldData.generate(
                preset.scenes(), preset.styles(), preset.sampler(), seed * 1_000_003L + 1, "pretrain", null);
        Map<String, SubTaskSet> heldOut = heldOutSets(preset, seed);
        SubTaskSet calibration = calibrationSet(preset, seed);
        double dataSeconds = (System.nanoTime() - t0) / 1e9;
        log(
                log,
                String.format(
                        java.util.Locale.ROOT,
                        "data: %d VQA, %d MATCH, %d LOC examples in %.1f s",
                        train.vqa().size(),
                        train.match().size(),
                        train.loc().size(),
                        dataSeconds));

        VlmConfig arch = preset.architecture();
        try (VlmModel vlm = VlmModel.create(arch, wordVocabulary(train, arch.bigrams()), answerVocabulary(), seed)) {
            log(log, "student: " + vlm.parameterCount() + " parameters");
            VlmTrainConfig tc = preset.trainConfig(seed);
            ResumableTraining resume = state == null ? null : state.open(runIdentity(tc), train.sha256());
            StepLoop.Result r = new VlmTrainer(vlm, tc).train(train, log, resume);
            vlm.calibrate(LocCalibration.choose(vlm, calibration, calibrationDescription(preset, seed)));
            log(log, "grounding threshold chosen on validation scenes: " + vlm.locThreshold());
            Map<String, Double> metrics = evaluate(vlm, heldOut);
            vlm.calibrate(vlm.calibration().withHeldOut(metrics));
            metrics.put("train.firstLoss", r.firstLoss());
            metrics.put("train.lastLoss", r.lastLoss());
            metrics.put("train.seconds", r.seconds());
            metrics.put("train.cpuSeconds", r.cpuSeconds());
            metrics.put("train.skippedSteps", (double) r.skippedSteps());
            metrics.put("train.samplesPerSecond", r.samplesPerSecond());
            ObjectNode training = Json.mapper().valueToTree(tc);
            training.set("lossCurve", Json.mapper().valueToTree(r.lossCurve()));
            Provenance p = Provenance.of(
                    "pretrain", "general", seed, recipe(), train.sha256(), train.size(), training, metrics, null);
            vlm.save(out, p);
            if (resume != null) resume.finished();
            return new Result(out, vlm.parameterCount(), metrics, dataSeconds, r.seconds(), r.samplesPerSecond());
        }
    }

    /** What makes two pretraining runs the same run: the data recipe, the network, the training, the code. */
    private Map<String, Object> runIdentity(VlmTrainConfig tc) {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("stage", "pretrain");
        id.put("recipe", recipe());
        id.put("architecture", preset.architecture());
        id.put("training", tc);
        id.put("code", Provenance.currentCodeVersion());
        // another thread count changes float summation order, so the weights would not match
        id.put("threads", org.sdvp.models.train.DjlSetup.threads());
        return id;
    }

    /**
     * Held-out scenes the pretrainer reports on: "general" (the training styles) and each target style (never
     * trained on); fresh scenes from their own seeds, disjoint from training and calibration.
     */
    public static Map<String, SubTaskSet> heldOutSets(PretrainPreset preset, long seed) {
        Map<String, SubTaskSet> sets = new LinkedHashMap<>();
        sets.put(
                "general",
                WorldData.generate(
                        preset.evalScenes(),
                        preset.styles(),
                        preset.sampler(),
                        seed * 1_000_003L + 2,
                        "pretrain-eval",
                        null));
        for (String s : TARGET_STYLES) {
            sets.put(
                    s,
                    WorldData.generate(
                            preset.evalScenes(),
                            StyleMix.of(s),
                            preset.sampler(),
                            seed * 1_000_003L + 3 + s.hashCode(),
                            "pretrain-eval-" + s,
                            null));
        }
        return sets;
    }

    /** Validation scenes in the training styles that decoding settings are chosen on (own seed stream). */
    public static SubTaskSet calibrationSet(PretrainPreset preset, long seed) {
        return WorldData.generate(
                preset.evalScenes(), preset.styles(), preset.sampler(), seed * 1_000_003L + 4, "pretrain-val", null);
    }

    public static String calibrationDescription(PretrainPreset preset, long seed) {
        return preset.evalScenes() + " fresh validation scenes of the general styles (seed " + (seed * 1_000_003L + 4)
                + "), disjoint from training and from the held-out scenes";
    }

    /** Sub-task metrics on every held-out set, prefixed by its name ("general.loc.recall", ...). */
    public static Map<String, Double> evaluate(VlmModel vlm, Map<String, SubTaskSet> heldOut) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (var e : heldOut.entrySet()) metrics.putAll(VlmEvaluation.evaluate(vlm, e.getValue(), e.getKey() + "."));
        return metrics;
    }

    /** The data recipe as recorded in the checkpoint (enough to regenerate the data exactly). */
    public JsonNode recipe() {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("preset", preset.name());
        n.put("generator", "sdvp-world SceneGenerator");
        n.set("sceneConfig", Json.mapper().valueToTree(SceneGenerator.Config.defaults()));
        n.set("styles", Json.mapper().valueToTree(preset.styles().shares()));
        n.set("excludedStyles", Json.mapper().valueToTree(TARGET_STYLES));
        n.put("scenes", preset.scenes());
        n.set("sampler", Json.mapper().valueToTree(preset.sampler()));
        n.put("trainSeed", seed * 1_000_003L + 1);
        n.put("note", "fresh scenes from the world generator; no task split, question or target style is included");
        return n;
    }

    /** The world's lexicon plus the word pairs seen at least 3 times in the training texts. */
    public static Vocabulary wordVocabulary(SubTaskSet data, boolean bigrams) {
        List<String> tokens = new ArrayList<>(WorldLexicon.words());
        List<String> pairs = new ArrayList<>();
        if (bigrams) {
            for (String t : data.texts()) {
                for (String g : Tokenizer.ngrams(t, true)) if (g.contains("_")) pairs.add(g);
            }
        }
        Vocabulary bigramVocab = Vocabulary.build(pairs, 3);
        tokens.addAll(bigramVocab.tokens().subList(1, bigramVocab.size()));
        return Vocabulary.build(tokens, 1);
    }

    public static Vocabulary answerVocabulary() {
        List<String> t = new ArrayList<>();
        t.add(Vocabulary.UNKNOWN);
        t.addAll(WorldLexicon.answers());
        return new Vocabulary(t);
    }

    private static void log(PrintStream log, String msg) {
        if (log != null) log.println(msg);
    }
}
