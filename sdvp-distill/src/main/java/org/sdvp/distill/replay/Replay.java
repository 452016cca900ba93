package org.sdvp.distill.replay;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sdvp.distill.label.CallImages;
import org.sdvp.distill.label.DistillSet;
import org.sdvp.distill.label.DistillTarget;
import org.sdvp.distill.trace.SubTaskCall;
import org.sdvp.models.data.WorldData;
import org.sdvp.models.nn.GridBoxes;
import org.sdvp.models.train.LocExample;
import org.sdvp.models.train.MatchExample;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.models.train.VqaExample;
import org.sdvp.models.vlm.PretrainPreset;
import org.sdvp.models.vlm.Pretrainer;
import org.sdvp.models.vlm.VlmModel;

/**
 * The replay targets of sequential self-distillation (SDVP.md step 4): inputs whose labels are the frozen
 * previous student's own outputs, so the KL term keeps S_new close to S_prev wherever the teacher says
 * nothing. VQA targets are S_prev's answer distributions, MATCH targets its probabilities, LOC targets its
 * sigmoid grid maps (channel 0 the objectness, channels 1–4 the box code, laid out as
 * {@code GridBoxes.Targets}).
 *
 * <p>Forward passes take at most {@link #BATCH} inputs; inputs keep their order, so a seed or a call list
 * gives the same set every time.
 */
public final class Replay {
    /** Inputs per forward pass of S_prev. */
    public static final int BATCH = 64;
    /** The pretraining preset whose style mix and sampler general replay draws like. */
    static final String PRESET = "default";

    private Replay() {}

    /** An unlabelled input: the pixels and the text of one sub-task call. */
    private record Input(BufferedImage image, String text) {}

    /**
     * Fresh general scenes drawn as pretraining draws them (the default preset's style mix and sampler,
     * never the target styles), every sub-task example relabelled by {@code previous}. Their ground-truth
     * answers are not used: replay keeps what S_prev does, right or wrong.
     */
    public static DistillSet general(VlmModel previous, int scenes, long seed) {
        if (scenes < 0) throw new IllegalArgumentException("scenes must be >= 0: " + scenes);
        if (scenes == 0) return DistillSet.empty();
        PretrainPreset preset = PretrainPreset.named(PRESET);
        for (String s : Pretrainer.TARGET_STYLES) {
            if (preset.styles().shares().containsKey(s)) {
                throw new IllegalStateException("the general style mix contains the target style " + s);
            }
        }
        SubTaskSet data = WorldData.generate(scenes, preset.styles(), preset.sampler(), seed, "replay", null);
        List<Input> vqa = new ArrayList<>(), match = new ArrayList<>(), loc = new ArrayList<>();
        for (VqaExample e : data.vqa()) vqa.add(new Input(e.image(), e.question()));
        for (MatchExample e : data.match()) match.add(new Input(e.image(), e.text()));
        for (LocExample e : data.loc()) loc.add(new Input(e.image(), e.phrase()));
        return label(previous, vqa, match, loc);
    }

    /** The same images and texts as {@code inputs}, labelled by {@code previous} instead. */
    public static DistillSet relabel(VlmModel previous, DistillSet inputs) {
        return label(previous, inputs(inputs.vqa()), inputs(inputs.match()), inputs(inputs.loc()));
    }

    /**
     * Earlier stages' collected calls, all of them (replay needs no teacher and no filter), on the pixels they
     * saw, labelled by {@code previous}. Calls whose image cannot be cut again are left out.
     */
    public static DistillSet ofCalls(VlmModel previous, List<SubTaskCall> calls) {
        return ofCalls(previous, calls, new CallImages());
    }

    /** As {@link #ofCalls(VlmModel, List)}; {@code images} counts the calls whose image was missing. */
    public static DistillSet ofCalls(VlmModel previous, List<SubTaskCall> calls, CallImages images) {
        List<Input> vqa = new ArrayList<>(), match = new ArrayList<>(), loc = new ArrayList<>();
        for (SubTaskCall c : calls) {
            List<Input> to = switch (c.kind()) {
                case "VQA" -> vqa;
                case "MATCH" -> match;
                case "LOC" -> loc;
                default -> null;
            };
            if (to == null) continue;
            images.image(c).ifPresent(img -> to.add(new Input(img, c.text())));
        }
        return label(previous, vqa, match, loc);
    }

    private static List<Input> inputs(List<? extends DistillTarget> targets) {
        List<Input> out = new ArrayList<>(targets.size());
        for (DistillTarget t : targets) out.add(new Input(t.image(), t.text()));
        return out;
    }

    private static DistillSet label(VlmModel previous, List<Input> vqa, List<Input> match, List<Input> loc) {
        Objects.requireNonNull(previous, "previous");
        List<DistillTarget.Vqa> v = new ArrayList<>(vqa.size());
        for (List<Input> chunk : chunks(vqa)) {
            float[][] p = previous.vqaProbabilities(images(chunk), texts(chunk));
            for (int k = 0; k < chunk.size(); k++)
                v.add(new DistillTarget.Vqa(chunk.get(k).image(), chunk.get(k).text(), p[k]));
        }
        List<DistillTarget.Match> m = new ArrayList<>(match.size());
        for (List<Input> chunk : chunks(match)) {
            float[] p = previous.matchProbabilities(images(chunk), texts(chunk));
            for (int k = 0; k < chunk.size(); k++) {
                float q = Math.max(0f, Math.min(1f, p[k]));
                m.add(new DistillTarget.Match(chunk.get(k).image(), chunk.get(k).text(), q));
            }
        }
        List<DistillTarget.Loc> l = new ArrayList<>(loc.size());
        for (List<Input> chunk : chunks(loc)) {
            float[][] maps = previous.locMaps(images(chunk), texts(chunk));
            for (int k = 0; k < chunk.size(); k++) {
                int cells = maps[k].length / GridBoxes.CHANNELS;
                float[] objectness = java.util.Arrays.copyOfRange(maps[k], 0, cells);
                float[] box = java.util.Arrays.copyOfRange(maps[k], cells, GridBoxes.CHANNELS * cells);
                l.add(new DistillTarget.Loc(chunk.get(k).image(), chunk.get(k).text(), objectness, box));
            }
        }
        return new DistillSet(v, m, l);
    }

    private static List<List<Input>> chunks(List<Input> all) {
        List<List<Input>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) out.add(all.subList(i, Math.min(all.size(), i + BATCH)));
        return out;
    }

    private static List<BufferedImage> images(List<Input> in) {
        return in.stream().map(Input::image).toList();
    }

    private static List<String> texts(List<Input> in) {
        return in.stream().map(Input::text).toList();
    }
}
