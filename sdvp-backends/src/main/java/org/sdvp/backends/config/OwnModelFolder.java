package org.sdvp.backends.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.ServiceKind;

/**
 * A checked own-model folder: model.json read and every field, file and tensor role validated before any
 * engine is started. Problems are collected and reported together, each naming its field or file.
 *
 * @param answers the VQA answer vocabulary in logit order (empty for LOC and MATCH)
 */
public record OwnModelFolder(
        Path dir,
        OwnModelConfig config,
        ServiceKind service,
        Path modelFile,
        Path tokenizerFile,
        List<String> answers) {

    public static final String CONFIG = "model.json";
    public static final List<String> ENGINES = List.of("torchscript", "onnx");

    public OwnModelFolder {
        answers = List.copyOf(answers);
    }

    /**
     * @param engine the engine the {@code --modules} entry names; model.json must say the same
     * @throws BackendException listing every problem found
     */
    public static OwnModelFolder read(Path dir, String engine) throws BackendException {
        if (!Files.isDirectory(dir)) throw new BackendException(engine + ":" + dir + ": no such folder");
        Path json = dir.resolve(CONFIG);
        if (!Files.isRegularFile(json)) {
            throw new BackendException(engine + ":" + dir + ": missing " + json
                    + " (the model's description; docs/own-models.md shows one per service)");
        }
        OwnModelConfig c;
        try {
            c = Json.mapper().readValue(json.toFile(), OwnModelConfig.class);
        } catch (JacksonException e) {
            throw new BackendException(
                    json + " is not a valid model.json: " + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ", column "
                                            + e.getLocation().getColumnNr() + ")"),
                    e);
        } catch (IOException e) {
            throw new BackendException("cannot read " + json + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        ServiceKind service = checkHeader(c, engine, problems);
        Path model = existing(dir, c.file(), "file", problems);
        Path tokenizer =
                c.tokenizer() == null ? null : existing(dir, c.tokenizer().file(), "tokenizer.file", problems);
        if (c.tokenizer() == null) problems.add("'tokenizer' is missing (a Hugging Face tokenizer.json and maxLength)");
        else if (c.tokenizer().maxLength() == null || c.tokenizer().maxLength() < 1) {
            problems.add("'tokenizer.maxLength' must be a positive number of tokens");
        }
        checkImage(c.image(), problems);
        checkTensors(c.inputs(), "inputs", true, problems);
        checkTensors(c.outputs(), "outputs", false, problems);
        if (service != null && c.outputs() != null) {
            for (Role r : Role.required(service)) {
                if (c.outputs().stream().noneMatch(t -> r.key().equals(t.role()))) {
                    problems.add("'outputs' has no tensor with role '" + r.key() + "', which a " + c.service()
                            + " model must give");
                }
            }
        }
        if (c.inputs() != null
                && c.inputs().stream().noneMatch(t -> Role.PIXEL_VALUES.key().equals(t.role()))) {
            problems.add("'inputs' has no tensor with role 'pixel_values'");
        }
        List<String> answers = service == ServiceKind.VQA ? answers(dir, c.answers(), problems) : List.of();
        if (!problems.isEmpty()) {
            throw new BackendException(json + ": " + String.join("; ", problems));
        }
        return new OwnModelFolder(dir, c, service, model, tokenizer, answers);
    }

    private static ServiceKind checkHeader(OwnModelConfig c, String engine, List<String> problems) {
        if (!OwnModelConfig.FORMAT.equals(c.format())) {
            problems.add("'format' must be '" + OwnModelConfig.FORMAT + "', found " + quoted(c.format()));
        }
        if (c.formatVersion() == null || c.formatVersion() != OwnModelConfig.FORMAT_VERSION) {
            problems.add("'formatVersion' " + c.formatVersion() + " is not supported (this version reads "
                    + OwnModelConfig.FORMAT_VERSION + ")");
        }
        if (c.engine() == null || !c.engine().equals(engine)) {
            problems.add("'engine' is " + quoted(c.engine()) + " but the folder was given as " + engine + ":DIR"
                    + (ENGINES.contains(c.engine()) ? " (use " + c.engine() + ":DIR)" : ""));
        }
        ServiceKind service = null;
        try {
            if (c.service() != null) service = ServiceKind.valueOf(c.service().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            service = null;
        }
        if (service == null) problems.add("'service' must be loc, vqa or match, found " + quoted(c.service()));
        return service;
    }

    private static Path existing(Path dir, String name, String field, List<String> problems) {
        if (name == null || name.isBlank()) {
            problems.add("'" + field + "' is missing");
            return null;
        }
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) problems.add("'" + field + "' names " + p + ", which does not exist");
        return p;
    }

    private static void checkImage(ImageSpec im, List<String> problems) {
        if (im == null) {
            problems.add("'image' is missing (size, resize, mean, std)");
            return;
        }
        if (im.size() == null || im.size().size() != 2 || im.size().stream().anyMatch(s -> s == null || s < 1)) {
            problems.add("'image.size' must be [height, width]");
        }
        if (!ImageSpec.RESIZE_MODES.contains(im.resizeOrDefault())) {
            problems.add("'image.resize' must be one of " + ImageSpec.RESIZE_MODES + ", found " + quoted(im.resize()));
        }
        for (var e : List.of(
                java.util.Map.entry("mean", listOrEmpty(im.mean())),
                java.util.Map.entry("std", listOrEmpty(im.std())))) {
            if (e.getValue().size() != 3) problems.add("'image." + e.getKey() + "' must have 3 values (R, G, B)");
        }
        if (im.std() != null && im.std().stream().anyMatch(s -> s == null || s <= 0)) {
            problems.add("'image.std' values must be positive");
        }
        if (im.fill() != null && im.fill().size() != 3) problems.add("'image.fill' must have 3 values (R, G, B)");
    }

    private static List<Double> listOrEmpty(List<Double> l) {
        return l == null ? List.of() : l;
    }

    private static void checkTensors(List<TensorSpec> tensors, String field, boolean inputs, List<String> problems) {
        if (tensors == null || tensors.isEmpty()) {
            problems.add("'" + field + "' is missing or empty");
            return;
        }
        Set<String> names = new HashSet<>();
        Set<String> roles = new HashSet<>();
        for (TensorSpec t : tensors) {
            String where = "'" + field + "' entry " + quoted(t.name());
            if (t.name() == null || t.name().isBlank()) problems.add("an entry of '" + field + "' has no name");
            else if (!names.add(t.name())) problems.add(where + " is listed twice");
            Role r = Role.parse(t.role());
            if (r == null || r.isInput() != inputs) {
                problems.add(
                        where + " has role " + quoted(t.role()) + "; known " + field + " roles: " + Role.known(inputs));
            } else if (!roles.add(t.role())) {
                problems.add(where + ": role '" + t.role() + "' is given twice");
            }
            if (t.shape() == null
                    || t.shape().isEmpty()
                    || t.shape().stream().anyMatch(d -> d == null || d == 0 || d < -1)) {
                problems.add(where + " needs a 'shape' of sizes, -1 for any size");
            }
            if (!"float32".equals(t.type()) && !"int64".equals(t.type())) {
                problems.add(where + " has type " + quoted(t.type()) + "; known: float32, int64");
            }
        }
    }

    private static List<String> answers(Path dir, String name, List<String> problems) {
        if (name == null) {
            problems.add(
                    "'answers' is missing: a VQA model needs its answer vocabulary (a JSON array of strings, in logit order)");
            return List.of();
        }
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            problems.add("'answers' names " + p + ", which does not exist");
            return List.of();
        }
        try {
            List<String> a = Json.mapper().readValue(p.toFile(), new TypeReference<List<String>>() {});
            if (a.isEmpty() || a.stream().anyMatch(s -> s == null))
                problems.add(p + " must be a non-empty array of strings");
            return a;
        } catch (IOException e) {
            problems.add(p + " is not a JSON array of strings: "
                    + e.getMessage().lines().findFirst().orElse(""));
            return List.of();
        }
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }

    /** The tensor with {@code role} among the inputs or outputs, or null. */
    public TensorSpec tensor(Role role) {
        for (TensorSpec t : role.isInput() ? config.inputs() : config.outputs())
            if (role.key().equals(t.role())) return t;
        return null;
    }

    public LocSpec loc() {
        return config.loc() == null ? LocSpec.defaults() : config.loc();
    }

    public MatchSpec match() {
        return config.match() == null ? MatchSpec.defaults() : config.match();
    }
}
