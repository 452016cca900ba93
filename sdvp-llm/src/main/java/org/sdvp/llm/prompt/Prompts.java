package org.sdvp.llm.prompt;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prompts this project ships and how one is chosen for a question: by image world (rendered world or
 * real photographs) and by whether the question is about one image or a pair. Thread-safe.
 */
public final class Prompts {

    /** Which in-context examples to use. */
    public enum Style {
        /** The rendered world's vocabulary (shapes, colours, sizes, materials): gqa-sim, nlvr-sim. */
        WORLD("visprog-single-v1", "visprog-pair-v1"),
        /** Generic real-photograph examples: gqa, nlvr2. */
        REAL("visprog-real-single-v1", "visprog-real-pair-v1"),
        /** ViperGPT Python programs over the {@code ImagePatch} API, rendered world. */
        VIPER_WORLD("viper-single-v1", "viper-pair-v1"),
        /** ViperGPT Python programs over the {@code ImagePatch} API, photographs. */
        VIPER_REAL("viper-real-single-v1", "viper-real-pair-v1");

        private final String single;
        private final String pair;

        Style(String single, String pair) {
            this.single = single;
            this.pair = pair;
        }

        public String version(boolean isPair) {
            return isPair ? pair : single;
        }

        /**
         * {@code world}, {@code real}, or {@code auto}: world for task names ending in {@code -sim}, real
         * otherwise.
         */
        public static Style choose(String option, String taskName) {
            return choose(option, taskName, "visprog");
        }

        /**
         * As {@link #choose(String, String)}, for a framework: {@code viper} gets the ViperGPT prompts (Python
         * over the {@code ImagePatch} API), any other the VisProg ones.
         */
        public static Style choose(String option, String taskName, String framework) {
            Style s = chooseWorld(option, taskName);
            if (!"viper".equals(framework)) return s;
            return s == WORLD ? VIPER_WORLD : VIPER_REAL;
        }

        private static Style chooseWorld(String option, String taskName) {
            String o = option == null ? "auto" : option.toLowerCase(Locale.ROOT);
            return switch (o) {
                case "world" -> WORLD;
                case "real" -> REAL;
                case "auto" -> taskName != null && taskName.endsWith("-sim") ? WORLD : REAL;
                default ->
                    throw new IllegalArgumentException(
                            "unknown prompt style '" + option + "'; expected auto, world or real");
            };
        }
    }

    private static final Map<String, PromptTemplate> LOADED = new ConcurrentHashMap<>();

    private Prompts() {}

    /** The prompt for a style and question kind (loaded once). */
    public static PromptTemplate get(Style style, boolean pair) {
        return LOADED.computeIfAbsent(style.version(pair), PromptTemplate::load);
    }

    /** Every shipped prompt version, for tests and {@code --help}. */
    public static java.util.List<String> versions() {
        return java.util.Arrays.stream(Style.values())
                .flatMap(s -> java.util.stream.Stream.of(s.version(false), s.version(true)))
                .toList();
    }
}
