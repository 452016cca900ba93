package org.sdvp.models.vlm;

import java.util.List;
import org.sdvp.models.text.Tokenizer;
import org.sdvp.models.text.Vocabulary;
import org.sdvp.models.train.SubTaskSet;

/** Builds tiny students for tests. */
final class TinyVlm {
    private TinyVlm() {}

    static Vocabulary words(SubTaskSet data, boolean bigrams) {
        return Vocabulary.build(
                data.texts().stream()
                        .flatMap(t -> Tokenizer.ngrams(t, bigrams).stream())
                        .toList(),
                1);
    }

    static Vocabulary answers(SubTaskSet data) {
        return Vocabulary.build(
                data.vqa().stream().map(e -> Tokenizer.answer(e.answer())).toList(), 1);
    }

    static VlmModel create(SubTaskSet data, long seed) {
        VlmConfig c = VlmConfig.tiny();
        return VlmModel.create(c, words(data, c.bigrams()), answers(data), seed);
    }

    static List<String> repeat(String s, int n) {
        return java.util.Collections.nCopies(n, s);
    }
}
