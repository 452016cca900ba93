package org.sdvp.models.text;

import java.util.List;

/**
 * Turns texts into the fixed-width input of a bag-of-n-grams text encoder: for each text, the normalised
 * counts of its words and word pairs. Mean-pooled embeddings are exactly this vector times an embedding
 * matrix, so the encoder's first {@code Linear} is the embedding table; computing the vector in Java keeps
 * tokenisation out of the network and costs nothing on the CPU.
 */
public final class TextFeatures {
    private final Vocabulary vocabulary;
    private final boolean bigrams;

    public TextFeatures(Vocabulary vocabulary, boolean bigrams) {
        this.vocabulary = vocabulary;
        this.bigrams = bigrams;
    }

    public int width() {
        return vocabulary.size();
    }

    /** Row-major {@code [texts.size(), width()]}; each row sums to 1 (an empty text puts its weight on unknown). */
    public float[] encode(List<String> texts) {
        int v = vocabulary.size();
        float[] out = new float[texts.size() * v];
        for (int r = 0; r < texts.size(); r++) {
            List<String> grams = Tokenizer.ngrams(texts.get(r), bigrams);
            if (grams.isEmpty()) {
                out[r * v] = 1f;
                continue;
            }
            float w = 1f / grams.size();
            for (String g : grams) out[r * v + vocabulary.indexOf(g)] += w;
        }
        return out;
    }
}
