package org.sdvp.cli.distill;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.io.DataException;
import org.sdvp.distill.stage.StageSpec;
import picocli.CommandLine.Option;

/**
 * {@code distill --replay-dataset D --replay-root DIR [--replay-split S] [--replay-questions N]}: a user's general
 * folder (GQA, CLEVR or NLVR2 layout, or a world folder read as CLEVR) replayed for self-distillation instead of
 * the world's general scenes. The previous student runs the folder's programs; every call it makes, on the pixels
 * it saw, is labelled by it and replayed (docs/own-models.md).
 */
final class ReplayFolderOptions {
    @Option(
            names = "--replay-dataset",
            paramLabel = "NAME",
            description = "The general folder's format for replay: clevr, gqa or nlvr2 (with --replay-root). "
                    + "Its programs' calls, made and labelled by the previous student, are replayed; the world's "
                    + "general scenes are then not, unless --replay-scenes is given too.")
    String dataset;

    @Option(
            names = "--replay-root",
            paramLabel = "DIR",
            description = "The general folder's root (with --replay-dataset).")
    Path root;

    @Option(
            names = "--replay-split",
            defaultValue = "train",
            paramLabel = "SPLIT",
            description = "The general folder's split whose programs are run. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(
            names = "--replay-questions",
            defaultValue = "300",
            paramLabel = "N",
            description = "Questions of the general folder whose calls are replayed. Default: ${DEFAULT-VALUE}.")
    int questions;

    /** Whether a general folder was named. */
    boolean given() {
        return dataset != null || root != null;
    }

    /**
     * The folder, checked: both options, a known task, at least one question, a split its reader opens (so a
     * wrong folder stops the command before anything is written); null when none was named.
     */
    StageSpec.ReplayFolder folder() throws DataException {
        if (!given()) return null;
        if (dataset == null || root == null) {
            throw new DataException("--replay-dataset and --replay-root go together: name the general folder's format "
                    + "(clevr, gqa, nlvr2) and its root");
        }
        Tasks.find(dataset);
        if (!Files.isDirectory(root)) throw new DataException("--replay-root: no folder " + root);
        if (questions < 1) throw new DataException("--replay-questions must be at least 1");
        DatasetSplits.check("--replay-root", dataset, root, split);
        return new StageSpec.ReplayFolder(dataset, root, split, questions);
    }
}
