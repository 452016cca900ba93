package org.sdvp.cli.distill;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sdvp.backends.config.OwnModelFolder;
import org.sdvp.backends.service.OwnModel;
import org.sdvp.backends.train.OwnModelExport;
import org.sdvp.backends.train.OwnTrainConfig;
import org.sdvp.backends.train.OwnTrainer;
import org.sdvp.backends.train.TrainingPair;
import org.sdvp.cli.support.Backends;
import org.sdvp.core.Version;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Sha256;
import org.sdvp.core.metric.AnswerMapping;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ServiceKind;
import org.sdvp.core.service.VqaDistributionService;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.ImageValue;
import org.sdvp.distill.label.CallImages;
import org.sdvp.distill.trace.CallsFile;
import org.sdvp.distill.trace.SubTaskCall;

/**
 * {@code sdvp distill --student torchscript:DIR}: a user's TorchScript model as SDVP's student. The collected
 * calls of its service (VQA or MATCH) are kept when answer-consistent, re-cut, labelled by the teacher (any
 * backend chain: its VQA distributions mapped onto the student's answers.json by normalised answer, MATCH
 * probabilities as they are), and the module's parameters are trained on them with DJL, those model.json
 * freezes excepted; the result is written as an own-model folder again, {@code OUT/student}, TorchScript with
 * {@code config.json} (provenance). Nothing is written when the student, the teacher or the calls are refused.
 */
final class OwnStudentDistill {
    static final String PREFIX = "torchscript:";
    /** Teacher requests per batch. */
    static final int BATCH = 64;

    /** What the command asked for. */
    record Request(
            String task,
            Path student,
            String teacher,
            Path calls,
            Path out,
            Path data,
            OwnTrainConfig config,
            boolean answerConsistentOnly,
            double minConfidence,
            List<Path> replayCalls) {}

    /** Where the calls went: kept as pairs, or dropped for a counted reason. */
    record Labels(
            List<TrainingPair> pairs,
            int calls,
            int otherKind,
            int inconsistent,
            int missingImage,
            int uncovered,
            int unmapped,
            int unsure,
            Map<String, Integer> unmappedAnswers) {
        String summary(ServiceKind kind) {
            String s = String.format(
                    Locale.ROOT,
                    "%s %d calls → %d pairs (%d inconsistent, %d missing image, %d uncovered, "
                            + "%d with no answer in the student's vocabulary, %d unsure; %d calls of other sub-tasks skipped)",
                    kind,
                    calls,
                    pairs.size(),
                    inconsistent,
                    missingImage,
                    uncovered,
                    unmapped,
                    unsure,
                    otherKind);
            if (unmappedAnswers.isEmpty()) return s;
            return s + "; teacher answers the student cannot name: " + unmappedAnswers;
        }
    }

    private OwnStudentDistill() {}

    static boolean names(Path student) {
        return student.toString().startsWith(PREFIX);
    }

    /** @throws Exception closing the teacher's backends may throw anything (ModelServices is AutoCloseable) */
    static int run(Request r, PrintWriter out, PrintWriter err) throws Exception {
        if (r.calls() == null) {
            throw new DataException("--student torchscript:DIR needs --calls FILE: collect the task's calls first "
                    + "(sdvp collect --task " + r.task() + " --modules teacher:T,... --out calls.jsonl)");
        }
        if (!Files.isRegularFile(r.calls())) throw new DataException("--calls: no file " + r.calls());
        List<SubTaskCall> calls = CallsFile.read(r.calls());
        List<SubTaskCall> general = new ArrayList<>();
        for (Path f : r.replayCalls()) {
            if (!Files.isRegularFile(f)) throw new DataException("--replay-calls: no file " + f);
            general.addAll(CallsFile.read(f));
        }
        try (OwnModel student = OwnModel.loadTrainable(r.student());
                ModelServices teacher = Backends.load(r.teacher(), r.data())) {
            ServiceKind kind = student.folder().service();
            if (kind == ServiceKind.LOC) {
                throw new BackendException("--student " + PREFIX + r.student()
                        + ": training a LOC model is not supported yet (VQA and MATCH are)");
            }
            Labels labels = label(calls, kind, student.folder(), teacher, r.answerConsistentOnly(), r.minConfidence());
            err.println("labels: " + labels.summary(kind));
            if (labels.pairs().isEmpty()) {
                throw new DataException(
                        "no " + kind + " training pairs from " + r.calls() + ": " + labels.summary(kind));
            }
            List<TrainingPair> replay = replay(r, kind, student.folder(), general);
            List<TrainingPair> all = new ArrayList<>(labels.pairs());
            all.addAll(replay);
            OwnTrainer.Result t = new OwnTrainer(student, r.config()).train(all);
            Path dir = r.out().resolve("student");
            OwnModelExport.ReloadCheck reload = OwnModelExport.save(
                    student, dir, provenance(r, student.folder(), labels, replay.size(), t), labels.pairs());
            List<Double> c = t.lossCurve();
            out.printf(
                    Locale.ROOT,
                    "labels: %d %s pairs from %d calls%n",
                    labels.pairs().size(),
                    kind,
                    labels.calls());
            if (!r.replayCalls().isEmpty()) {
                out.printf(
                        Locale.ROOT,
                        "replay: %d %s pairs from %d calls of %s, labelled by the parent (its own outputs)%n",
                        replay.size(),
                        kind,
                        general.size(),
                        r.replayCalls());
            }
            out.printf(
                    Locale.ROOT,
                    "distilled %d steps in %.1f s, loss %.4f → %.4f (first and last 10 steps' mean); "
                            + "%d parameters trained, %d frozen%n",
                    c.size(),
                    t.seconds(),
                    mean(c, 0),
                    mean(c, Math.max(0, c.size() - 10)),
                    t.trained().size(),
                    t.frozen().size());
            out.printf(
                    Locale.ROOT,
                    "reloaded (DJL): the saved file gives the trained model's outputs on %d training inputs "
                            + "(largest difference %.1e)%n",
                    reload.inputs(),
                    reload.largestDifference());
            out.println("student: " + dir + " (TorchScript; config.json holds its provenance)");
            return 0;
        }
    }

    /**
     * The replay pairs: every call of the student's service in the general calls files (no filter), on the pixels
     * it saw, labelled by the parent (the student as loaded, before training) with its own outputs, so the
     * cross-entropy on them keeps the trained student close to its parent there (self-distillation). They join the
     * training pairs' pool: a batch draws them in proportion to their number.
     */
    static List<TrainingPair> replay(Request r, ServiceKind kind, OwnModelFolder student, List<SubTaskCall> general)
            throws Exception {
        if (general.isEmpty()) return List.of();
        try (ModelServices parent = Backends.load(PREFIX + r.student(), r.data())) {
            return label(general, kind, student, parent, false, 0).pairs();
        }
    }

    static Labels label(
            List<SubTaskCall> calls,
            ServiceKind kind,
            OwnModelFolder student,
            ModelServices teacher,
            boolean answerConsistentOnly,
            double minConfidence)
            throws ModelServiceException {
        AnswerMapping mapping = new AnswerMapping(student.answers());
        CallImages images = new CallImages();
        int otherKind = 0, inconsistent = 0, missing = 0, uncovered = 0, unsure = 0;
        List<TrainingPair> pairs = new ArrayList<>();
        List<VqaRequest> vqa = new ArrayList<>();
        List<MatchRequest> match = new ArrayList<>();
        for (SubTaskCall c : calls) {
            if (!c.kind().equals(kind.name())) {
                otherKind++;
                continue;
            }
            if (answerConsistentOnly && !c.answerConsistent()) {
                inconsistent++;
                continue;
            }
            var pixels = images.image(c);
            if (pixels.isEmpty()) {
                missing++;
                continue;
            }
            List<Double> g = c.region();
            ImageValue img =
                    new ImageValue(pixels.get(), c.sourceImage(), new Box(g.get(0), g.get(1), g.get(2), g.get(3)));
            if (kind == ServiceKind.VQA) {
                VqaRequest q = new VqaRequest(img, c.text());
                if (teacher.vqa().map(s -> s.covers(q)).orElse(false)) vqa.add(q);
                else uncovered++;
            } else {
                MatchRequest q = new MatchRequest(img, c.text());
                if (teacher.match().map(s -> s.covers(q)).orElse(false)) match.add(q);
                else uncovered++;
            }
        }
        for (int i = 0; i < vqa.size(); i += BATCH) {
            List<VqaRequest> batch = vqa.subList(i, Math.min(vqa.size(), i + BATCH));
            List<Map<String, Double>> dists =
                    VqaDistributionService.distributions(teacher.vqa().orElseThrow(), batch);
            for (int k = 0; k < batch.size(); k++) {
                float[] probs = mapping.map(dists.get(k));
                if (probs == null) continue;
                if (max(probs) < minConfidence) unsure++;
                else
                    pairs.add(new TrainingPair(
                            batch.get(k).image().pixels(), batch.get(k).question(), probs));
            }
        }
        for (int i = 0; i < match.size(); i += BATCH) {
            List<MatchRequest> batch = match.subList(i, Math.min(match.size(), i + BATCH));
            List<Double> p = teacher.match().orElseThrow().apply(batch);
            for (int k = 0; k < batch.size(); k++) {
                double v = Math.max(0, Math.min(1, p.get(k)));
                if (Math.max(v, 1 - v) < minConfidence) unsure++;
                else
                    pairs.add(new TrainingPair(
                            batch.get(k).image().pixels(), batch.get(k).text(), new float[] {(float) v}));
            }
        }
        return new Labels(
                pairs,
                calls.size() - otherKind,
                otherKind,
                inconsistent,
                missing,
                uncovered,
                mapping.unmappable(),
                unsure,
                mapping.unmappedAnswers());
    }

    private static Map<String, Object> provenance(
            Request r, OwnModelFolder parent, Labels labels, int replayPairs, OwnTrainer.Result t) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("command", "distill");
        p.put("task", r.task());
        p.put("seed", r.config().seed());
        p.put("config", r.config());
        p.put(
                "parent",
                Map.of(
                        "folder",
                        parent.dir().toAbsolutePath().normalize().toString(),
                        "file",
                        parent.modelFile().getFileName().toString(),
                        "sha256",
                        Sha256.of(parent.modelFile())));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("calls", r.calls().toAbsolutePath().normalize().toString());
        data.put("callsSha256", Sha256.of(r.calls()));
        data.put("teacher", r.teacher());
        data.put("answerConsistentOnly", r.answerConsistentOnly());
        data.put("minConfidence", r.minConfidence());
        data.put("pairs", labels.pairs().size());
        data.put(
                "dropped",
                Map.of(
                        "inconsistent",
                        labels.inconsistent(),
                        "missingImage",
                        labels.missingImage(),
                        "uncovered",
                        labels.uncovered(),
                        "unmapped",
                        labels.unmapped(),
                        "unsure",
                        labels.unsure()));
        data.put("unmappedAnswers", labels.unmappedAnswers());
        List<Map<String, String>> replayFiles = new ArrayList<>();
        for (Path f : r.replayCalls()) {
            replayFiles.add(Map.of("calls", f.toAbsolutePath().normalize().toString(), "callsSha256", Sha256.of(f)));
        }
        data.put("replay", Map.of("files", replayFiles, "pairs", replayPairs, "labelledBy", "parent"));
        p.put("data", data);
        p.put("frozen", parent.config().frozenPrefixes());
        p.put("frozenParameters", t.frozen());
        p.put("trainedParameters", t.trained());
        p.put("lossCurve", t.lossCurve());
        p.put("seconds", t.seconds());
        p.put("code", Version.describe());
        return p;
    }

    private static double mean(List<Double> v, int from) {
        return v.subList(from, Math.min(v.size(), from + 10)).stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(Double.NaN);
    }

    private static float max(float[] v) {
        float m = 0;
        for (float x : v) m = Math.max(m, x);
        return m;
    }
}
