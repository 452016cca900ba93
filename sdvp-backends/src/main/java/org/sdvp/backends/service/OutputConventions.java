package org.sdvp.backends.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sdvp.backends.config.MatchForm;
import org.sdvp.backends.config.OwnModelFolder;
import org.sdvp.backends.config.Role;
import org.sdvp.backends.config.TensorSpec;
import org.sdvp.backends.engine.HostTensor;

/**
 * The Hugging Face output conventions each service reads, checked on the probe batch: VQA answer logits
 * [batch, answers] with as many answers as the vocabulary (ViLT); LOC logits [batch, boxes(, 1)] and boxes
 * [batch, boxes, 4] (OWL-ViT); MATCH logits [batch], [batch, 1], [batch, 2] or [batch, batch] (CLIP).
 */
final class OutputConventions {
    private OutputConventions() {}

    static List<String> check(OwnModelFolder folder, Map<Role, HostTensor.Floats> out, int batch) {
        List<String> problems = new ArrayList<>();
        switch (folder.service()) {
            case VQA -> {
                long[] s = out.get(Role.ANSWER_LOGITS).shape();
                if (s.length != 2 || s[0] != batch || s[1] != folder.answers().size()) {
                    problems.add(name(folder, Role.ANSWER_LOGITS) + ": "
                            + folder.config().answers() + " has "
                            + folder.answers().size() + " answers, so the model must give [" + batch + ", "
                            + folder.answers().size() + "] for a batch of " + batch + "; it gives "
                            + HostTensor.format(s));
                }
            }
            case LOC -> {
                long[] l = out.get(Role.BOX_LOGITS).shape(),
                        b = out.get(Role.BOXES).shape();
                boolean logitsOk = l.length == 2 || (l.length == 3 && l[2] == 1);
                if (!logitsOk || l[0] != batch) {
                    problems.add(name(folder, Role.BOX_LOGITS) + ": expected [" + batch + ", boxes] or [" + batch
                            + ", boxes, 1], the model gives " + HostTensor.format(l));
                }
                if (b.length != 3 || b[0] != batch || b[2] != 4) {
                    problems.add(name(folder, Role.BOXES) + ": expected [" + batch
                            + ", boxes, 4] (cx, cy, w, h), the model gives " + HostTensor.format(b));
                } else if (logitsOk && l[1] != b[1]) {
                    problems.add(name(folder, Role.BOXES) + ": " + b[1] + " boxes but " + l[1] + " logits");
                }
            }
            case MATCH -> {
                long[] s = out.get(Role.MATCH_LOGITS).shape();
                TensorSpec spec = folder.tensor(Role.MATCH_LOGITS);
                if (spec.shape().size() > 2) {
                    problems.add(name(folder, Role.MATCH_LOGITS) + ": model.json's shape " + spec.shape()
                            + " is none of [-1], [-1, 1], [-1, 2] (ITM), [-1, -1] (CLIP)");
                    break;
                }
                long[] expected = switch (MatchForm.of(spec)) {
                    case LOGIT -> spec.shape().size() == 1 ? new long[] {batch} : new long[] {batch, 1};
                    case ITM_PAIR -> new long[] {batch, 2};
                    case MATRIX -> new long[] {batch, batch};
                };
                if (!java.util.Arrays.equals(expected, s)) {
                    problems.add(name(folder, Role.MATCH_LOGITS) + ": expected " + HostTensor.format(expected)
                            + " for a batch of " + batch + ", the model gives " + HostTensor.format(s));
                }
            }
        }
        return problems;
    }

    private static String name(OwnModelFolder folder, Role role) {
        TensorSpec t = folder.tensor(role);
        return "output '" + t.name() + "'";
    }
}
