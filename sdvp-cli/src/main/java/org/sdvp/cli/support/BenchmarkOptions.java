package org.sdvp.cli.support;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sdvp.cli.llm.LlmMixin;
import org.sdvp.core.Version;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.llm.source.ProgramSources;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options of every command that runs a benchmark split through programs ({@code eval}, {@code collect}). */
public final class BenchmarkOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = {"--task", "--dataset"},
            required = true,
            paramLabel = "NAME",
            description = "The benchmark: a world task (gqa-sim, nlvr-sim, count-sim, ref-sim, tag-sim) or a real "
                    + "dataset (gqa, nlvr2, clevr). '--task list' lists the installed ones.")
    public String task;

    @Option(
            names = {"--data", "--root"},
            paramLabel = "DIR",
            description = "The task's data folder.")
    public Path data;

    @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT", description = "Default: ${DEFAULT-VALUE}.")
    public String split;

    @Option(
            names = "--framework",
            defaultValue = "visprog",
            paramLabel = "NAME",
            description = "visprog or viper. Default: ${DEFAULT-VALUE}.")
    public String framework;

    @Option(
            names = "--depth-crops",
            defaultValue = "box",
            paramLabel = "MODE",
            description = FrameworkChoice.DEPTH_CROPS_HELP)
    public String depthCrops = "box";

    @Option(names = "--modules", paramLabel = "SPEC", description = Backends.MODULES_HELP)
    public String modules;

    @Option(
            names = "--programs",
            defaultValue = "dataset",
            paramLabel = "SOURCE",
            description = "Where programs come from: dataset (the data's converted programs), native (with "
                    + "--framework viper on a world task: idiomatic ViperGPT programs converted from the task's "
                    + "functional programs), llm (generated; see --llm-*), or a JSON lines file of "
                    + "{\"id\", \"program\"}. Default: ${DEFAULT-VALUE}.")
    public String programs;

    @Mixin
    public LlmMixin llm;

    @Option(
            names = "--samples",
            defaultValue = "1",
            paramLabel = "K",
            description = "Programs per question (with --programs llm): K programs are generated at "
                    + "--llm-temperature, invalid ones dropped, and the answer is the majority over the valid ones "
                    + "(ties: the answer seen first); results.json reports samples, valid and agreement. "
                    + "Default: ${DEFAULT-VALUE}.")
    public int samples;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N questions.")
    public Integer limit;

    @Option(
            names = "--concurrency",
            defaultValue = "16",
            paramLabel = "N",
            description = "Programs run at once; their model calls batch together. Default: ${DEFAULT-VALUE}.")
    public int concurrency;

    @Option(
            names = "--max-batch",
            defaultValue = "" + ModelGateway.DEFAULT_MAX_BATCH,
            paramLabel = "N",
            description = "Largest batch a model runs at once. Default: ${DEFAULT-VALUE}.")
    public int maxBatch;

    @Option(
            names = "--restart",
            description = "Discard the journal of an interrupted run on the same --out and start over. Without "
                    + "it, a run killed before it finished continues where it stopped when started again.")
    public boolean restart;

    @Option(
            names = "--profile",
            description = "eval: print where the time went (image loading, interpreter, model input preparation, "
                    + "waiting for models, each model's batches and busy time); results.json has the counters.")
    public boolean profile;

    @Option(
            names = "--spark",
            paramLabel = "MASTER",
            description = "Run on Apache Spark: local[N] (this JVM, N executor threads) or spark://HOST:PORT (a "
                    + "standalone cluster; scripts/spark-cluster.sh starts one on loopback). The questions are split "
                    + "into partitions, each written to OUT.spark/ when complete; a re-run skips finished partitions. "
                    + "Same output as without --spark (docs/scale.md).")
    public String spark;

    @Option(
            names = "--spark-partitions",
            paramLabel = "N",
            description = "With --spark: partitions of the questions. Default: 4 per executor core.")
    public Integer sparkPartitions;

    /** The command's error writer (picocli's): progress bars and messages go there. */
    public PrintWriter err() {
        return mixee != null && mixee.commandLine() != null
                ? mixee.commandLine().getErr()
                : new PrintWriter(System.err, true);
    }

    /** How a run was made, for its output file. */
    public Map<String, String> provenance() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("data", data == null ? "" : data.toAbsolutePath().normalize().toString());
        p.putAll(ProgramSources.provenance(programs, llm.options(), task, framework));
        p.put("samples", Integer.toString(samples));
        p.put("concurrency", Integer.toString(concurrency));
        p.put("maxBatch", Integer.toString(maxBatch));
        p.put("limit", limit == null ? "none" : limit.toString());
        p.put("sdvp", Version.describe());
        p.put("java", System.getProperty("java.version"));
        return p;
    }
}
