package org.sdvp.distill.label;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.WeakHashMap;
import org.sdvp.core.service.ServiceKind;
import org.sdvp.models.train.DataDigest;

/** The targets of one stage, per sub-task, in a fixed order (the order is part of the data's hash). */
public record DistillSet(List<DistillTarget.Vqa> vqa, List<DistillTarget.Match> match, List<DistillTarget.Loc> loc) {
    public DistillSet {
        vqa = List.copyOf(vqa);
        match = List.copyOf(match);
        loc = List.copyOf(loc);
    }

    public static DistillSet empty() {
        return new DistillSet(List.of(), List.of(), List.of());
    }

    /** Sorts a mixed list of targets into a set, keeping their order within each kind. */
    public static DistillSet of(List<? extends DistillTarget> targets) {
        List<DistillTarget.Vqa> v = new ArrayList<>();
        List<DistillTarget.Match> m = new ArrayList<>();
        List<DistillTarget.Loc> l = new ArrayList<>();
        for (DistillTarget t : targets) {
            if (t instanceof DistillTarget.Vqa x) v.add(x);
            else if (t instanceof DistillTarget.Match x) m.add(x);
            else l.add((DistillTarget.Loc) t);
        }
        return new DistillSet(v, m, l);
    }

    public int size() {
        return vqa.size() + match.size() + loc.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Only the targets of the given sub-tasks (the module-subset ablation). */
    public DistillSet restrictTo(Set<ServiceKind> kinds) {
        return new DistillSet(
                kinds.contains(ServiceKind.VQA) ? vqa : List.of(),
                kinds.contains(ServiceKind.MATCH) ? match : List.of(),
                kinds.contains(ServiceKind.LOC) ? loc : List.of());
    }

    /**
     * A seeded random {@code fraction} of each kind (the data-size ablation), keeping the original order;
     * smaller fractions are subsets of larger ones for the same seed.
     */
    public DistillSet fraction(double fraction, long seed) {
        if (fraction >= 1) return this;
        return new DistillSet(
                sample(vqa, fraction, seed), sample(match, fraction, seed + 1), sample(loc, fraction, seed + 2));
    }

    private static <T> List<T> sample(List<T> from, double fraction, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<T> out = new ArrayList<>();
        // one uniform draw per element: an element kept at fraction f is kept at every f' > f
        for (T t : from) if (r.nextDouble() < fraction) out.add(t);
        return out;
    }

    public DistillSet plus(DistillSet other) {
        List<DistillTarget.Vqa> v = new ArrayList<>(vqa);
        v.addAll(other.vqa);
        List<DistillTarget.Match> m = new ArrayList<>(match);
        m.addAll(other.match);
        List<DistillTarget.Loc> l = new ArrayList<>(loc);
        l.addAll(other.loc);
        return new DistillSet(v, m, l);
    }

    /**
     * Digests already computed, by set. A stage asks for its targets' and replay's digests twice (the
     * resumable state's data check and the checkpoint's provenance), and a worker's general replay set is
     * the same set in every stage it runs; hashing every pixel and printing every target float took seconds
     * each time. Equal sets hold the same images and arrays (records compare them by identity), so they have
     * the same digest; keys are weak, so a set that is no longer used takes its entry with it.
     */
    private static final Map<DistillSet, String> DIGESTS = Collections.synchronizedMap(new WeakHashMap<>());

    /** SHA-256 over every image, text and target in order (provenance of a stage's data); computed once per set. */
    public String sha256() {
        String known = DIGESTS.get(this);
        if (known != null) return known;
        String sha = digest();
        DIGESTS.put(this, sha);
        return sha;
    }

    private String digest() {
        DataDigest d = new DataDigest();
        for (DistillTarget.Vqa t : vqa) {
            d.image(t.image()).text("vqa|" + t.text() + "|" + java.util.Arrays.toString(t.probs()));
        }
        for (DistillTarget.Match t : match) d.image(t.image()).text("match|" + t.text() + "|" + t.probability());
        for (DistillTarget.Loc t : loc) {
            d.image(t.image())
                    .text("loc|" + t.text() + "|" + java.util.Arrays.toString(t.objectness())
                            + java.util.Arrays.toString(t.box()));
            DistillTarget.ImageObjects o = t.objects();
            if (o != null) {
                d.text("objects|" + java.util.Arrays.toString(o.objectness()) + java.util.Arrays.toString(o.box())
                        + java.util.Arrays.toString(o.fits()));
            }
        }
        return d.hex();
    }
}
