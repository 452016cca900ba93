package org.sdvp.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sdvp.cli.llm.LlmMixin;
import org.sdvp.cli.support.Backends;
import org.sdvp.cli.support.CommonOptions;
import org.sdvp.cli.support.FrameworkChoice;
import org.sdvp.cli.support.Knowledge;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.interp.Framework;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Images;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.trace.ResultImages;
import org.sdvp.core.trace.TraceHtml;
import org.sdvp.core.trace.TraceJsonl;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Value;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sdvp run}: one program on one image (or pair), printing its result and writing its rationale. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Run one program on one image (or an image pair) and print its result. The program is "
                + "checked completely before anything runs; every problem is listed with its line.",
        footer = {
            "",
            "Example:",
            "  sdvp run --image img.png --program-text $'ANSWER0=EVAL(expr=\"1 + 2\")\\nFINAL_RESULT=RESULT(var=ANSWER0)'"
        })
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--image",
            required = true,
            paramLabel = "IMG",
            description = "The image (PNG or JPEG); IMAGE in the program, or LEFT when --right is given.")
    Path image;

    @Option(names = "--right", paramLabel = "IMG", description = "A second image: makes the pair LEFT, RIGHT.")
    Path right;

    static final class ProgramInput {
        @Option(names = "--program", paramLabel = "FILE", description = "The program file.")
        Path file;

        @Option(names = "--program-text", paramLabel = "TEXT", description = "The program itself.")
        String text;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    ProgramInput program;

    @Option(
            names = "--framework",
            defaultValue = "visprog",
            paramLabel = "NAME",
            description = "Program language: visprog or viper. Default: ${DEFAULT-VALUE}.")
    String framework;

    @Option(names = "--modules", paramLabel = "SPEC", description = Backends.MODULES_HELP)
    String modules;

    @Mixin
    CommonOptions.Data data;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write the trace as JSON lines (one per step).")
    Path traceFile;

    @Option(
            names = "--html",
            paramLabel = "FILE",
            description = "Write the visual rationale as a self-contained HTML page.")
    Path htmlFile;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "Where an image result (an edited image) is written, as PNG with FILE.json holding its "
                    + "provenance. Default: IMAGE-STEM-result.png in the current folder.")
    Path output;

    @Mixin
    LlmMixin llm;

    @Option(
            names = "--depth-crops",
            defaultValue = "box",
            paramLabel = "MODE",
            description = FrameworkChoice.DEPTH_CROPS_HELP)
    String depthCrops;

    @Override
    public Integer call() throws Exception {
        String source = programText();
        Map<String, Value> initial = new LinkedHashMap<>();
        if (right == null) {
            initial.put("IMAGE", Images.load(image));
        } else {
            initial.put("LEFT", Images.load(image));
            initial.put("RIGHT", Images.load(right));
        }
        Framework fw = FrameworkChoice.create(framework, depthCrops);
        fw.check(source, initial.keySet());
        Path dataDir = data.value != null ? data.value : image.toAbsolutePath().getParent();
        try (ModelServices services = Knowledge.withLlm(Backends.load(modules, dataDir), llm.options());
                ModelGateway gateway = new ModelGateway(services)) {
            Execution run = fw.execute(source, initial, gateway);
            String outcome = run.failure()
                    .map(f -> "failed at " + f.format())
                    .orElseGet(
                            () -> "result: " + run.result().map(Value::display).orElse("(none)"));
            writeOutputs(run, outcome);
            if (run.failure().isPresent()) {
                spec.commandLine().getErr().println("sdvp run: " + outcome);
                return 1;
            }
            spec.commandLine().getOut().println(run.result().map(Value::display).orElse(""));
            if (run.result().orElse(null) instanceof ImageValue result) {
                Path png = output != null ? output : Path.of(stem(image) + "-result.png");
                ResultImages.write(png, result, source, services.name());
                spec.commandLine()
                        .getOut()
                        .println("image written to " + png + " (provenance: "
                                + ResultImages.provenanceOf(png).getFileName() + ")");
            }
            return 0;
        }
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private String programText() throws DataException {
        if (program.text != null) return program.text;
        try {
            return Files.readString(program.file);
        } catch (IOException e) {
            throw new DataException("cannot read program file " + program.file + ": " + e.getMessage(), e);
        }
    }

    private void writeOutputs(Execution run, String outcome) throws IOException {
        if (traceFile != null) AtomicFiles.writeString(traceFile, TraceJsonl.render(run.trace()));
        if (htmlFile != null) {
            AtomicFiles.writeString(
                    htmlFile,
                    TraceHtml.render(
                            "sdvp run: " + image.getFileName(),
                            run.trace(),
                            outcome,
                            run.failure().isPresent()));
        }
    }
}
