package org.sdvp.models.train;

import java.util.ArrayList;
import java.util.List;
import org.sdvp.core.value.Box;

/**
 * The examples of one training run, per sub-task. Its {@link #sha256()} covers every pixel, text and
 * label in order, so a checkpoint's provenance pins exactly the data it was trained on.
 */
public record SubTaskSet(List<VqaExample> vqa, List<MatchExample> match, List<LocExample> loc) {
    public SubTaskSet {
        vqa = List.copyOf(vqa);
        match = List.copyOf(match);
        loc = List.copyOf(loc);
    }

    public int size() {
        return vqa.size() + match.size() + loc.size();
    }

    /** Every text the networks read (questions, match texts, phrases), for building the word vocabulary. */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        vqa.forEach(e -> out.add(e.question()));
        match.forEach(e -> out.add(e.text()));
        loc.forEach(e -> out.add(e.phrase()));
        return out;
    }

    public String sha256() {
        DataDigest md = new DataDigest();
        for (VqaExample e : vqa) {
            md.image(e.image());
            md.text("vqa|" + e.question() + "|" + e.answer() + "|" + e.style() + "|" + e.form());
        }
        for (MatchExample e : match) {
            md.image(e.image());
            md.text("match|" + e.text() + "|" + e.matches() + "|" + e.style());
        }
        for (LocExample e : loc) {
            md.image(e.image());
            StringBuilder b = new StringBuilder("loc|" + e.phrase() + "|" + e.style());
            for (Box x : e.boxes())
                b.append('|')
                        .append(x.x1())
                        .append(',')
                        .append(x.y1())
                        .append(',')
                        .append(x.x2())
                        .append(',')
                        .append(x.y2());
            b.append("|objects");
            for (Box x : e.objects())
                b.append('|')
                        .append(x.x1())
                        .append(',')
                        .append(x.y1())
                        .append(',')
                        .append(x.x2())
                        .append(',')
                        .append(x.y2());
            md.text(b.toString());
        }
        return md.hex();
    }
}
