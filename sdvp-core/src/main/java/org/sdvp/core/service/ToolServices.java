package org.sdvp.core.service;

import java.util.List;
import java.util.Optional;

/**
 * The backends of the editing and knowledge modules (SEG, REPLACE, LIST). They are not distillable
 * sub-tasks and are called rarely, so they are called directly (one call at a time per service) rather than
 * batched like LOC, VQA and MATCH. Any of them may be absent. (FACEDET is a LOC call for "face", so a face
 * detector is an ordinary LOC backend that covers only that phrase.)
 */
public record ToolServices(Optional<Segmenter> segmenter, Optional<Replacer> replacer, Optional<Lister> lister) {

    public static ToolServices none() {
        return new ToolServices(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ToolServices withSegmenter(Segmenter s) {
        return new ToolServices(Optional.of(s), replacer, lister);
    }

    public ToolServices withReplacer(Replacer r) {
        return new ToolServices(segmenter, Optional.of(r), lister);
    }

    public ToolServices withLister(Lister l) {
        return new ToolServices(segmenter, replacer, Optional.of(l));
    }

    /** Per tool, the first bundle of {@code chain} that has it (as {@code --modules} orders backends). */
    public static ToolServices firstOf(List<ToolServices> chain) {
        Optional<Segmenter> s = Optional.empty();
        Optional<Replacer> r = Optional.empty();
        Optional<Lister> l = Optional.empty();
        for (ToolServices t : chain) {
            if (s.isEmpty()) s = t.segmenter;
            if (r.isEmpty()) r = t.replacer;
            if (l.isEmpty()) l = t.lister;
        }
        return new ToolServices(s, r, l);
    }
}
