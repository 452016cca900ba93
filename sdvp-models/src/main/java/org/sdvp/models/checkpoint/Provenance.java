package org.sdvp.models.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.sdvp.models.train.DjlSetup;

/**
 * How a checkpoint was made. The same recipe, seed, code version and thread count give the same weights
 * (with one thread; more threads may change float summation order, hence {@code threads} is recorded).
 *
 * @param stage what made it: "pretrain", "teacher", "distill", ...
 * @param task the task it was trained for, or "general"
 * @param seed the run's seed (engine initialisation and data sampling)
 * @param recipe the data recipe (generator settings, mix), as JSON
 * @param dataSha256 SHA-256 of the training examples in order
 * @param dataCount number of training examples
 * @param training the training settings (steps, batch sizes, learning rate, loss weights), as JSON
 * @param metrics measurements taken at the end (held-out accuracies, final loss)
 * @param parent the parent checkpoint's provenance (SDVP stages chain), or null
 * @param codeVersion sdvp's version
 * @param java Java version and vendor
 * @param os OS name, version and architecture
 * @param threads PyTorch intra-op threads
 */
public record Provenance(
        String stage,
        String task,
        long seed,
        JsonNode recipe,
        String dataSha256,
        int dataCount,
        JsonNode training,
        Map<String, Double> metrics,
        JsonNode parent,
        String codeVersion,
        String java,
        String os,
        int threads) {

    public Provenance {
        metrics = metrics == null ? Map.of() : new TreeMap<>(metrics);
    }

    /** A provenance with the environment of this JVM filled in. */
    public static Provenance of(
            String stage,
            String task,
            long seed,
            JsonNode recipe,
            String dataSha256,
            int dataCount,
            JsonNode training,
            Map<String, Double> metrics,
            JsonNode parent) {
        return new Provenance(
                stage,
                task,
                seed,
                recipe,
                dataSha256,
                dataCount,
                training,
                metrics,
                parent,
                currentCodeVersion(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                DjlSetup.threads());
    }

    /** sdvp's version and commit (see {@link org.sdvp.core.Version}). */
    public static String currentCodeVersion() {
        return org.sdvp.core.Version.describe();
    }
}
