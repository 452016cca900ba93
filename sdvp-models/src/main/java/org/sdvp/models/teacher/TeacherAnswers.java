package org.sdvp.models.teacher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdvp.world.program.VqaForms;
import org.sdvp.world.question.Description;
import org.sdvp.world.scene.Attribute;

/**
 * Turns a teacher's raw outputs into answers for the calls it covers — the adapter from the teacher's
 * interface (attribute distributions, detections) to the module's (an answer distribution, a match
 * probability, scored boxes). SDVP's pseudo-labels are these distributions.
 */
public final class TeacherAnswers {
    /** Detections below this objectness are ignored when answering about whole images. */
    public static final double OBJECTNESS = 0.3;

    private TeacherAnswers() {}

    /** P(an object with these attribute probabilities fits the description). */
    public static double fit(Description d, float[] probs) {
        double p = 1;
        for (Attribute a : Attribute.values()) {
            String v = d.get(a);
            if (v != null) p *= AttributeSpace.p(probs, a, v);
        }
        return p;
    }

    /** The answer distribution for a sub-question about one object crop. */
    public static Map<String, Double> aboutCrop(VqaForms form, float[] probs) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (form instanceof VqaForms.Query q) {
            for (String v : AttributeSpace.values(q.attribute())) out.put(v, AttributeSpace.p(probs, q.attribute(), v));
        } else if (form instanceof VqaForms.Verify v) {
            double p = AttributeSpace.p(probs, v.attribute(), v.value());
            out.put("yes", p);
            out.put("no", 1 - p);
        } else if (form instanceof VqaForms.Choose c) {
            double a = AttributeSpace.p(probs, c.attribute(), c.first()),
                    b = AttributeSpace.p(probs, c.attribute(), c.second());
            double s = Math.max(a + b, 1e-9);
            out.put(c.first(), a / s);
            out.put(c.second(), b / s);
        } else {
            throw new IllegalArgumentException("not a crop question: " + form.text());
        }
        return out;
    }

    /** The answer distribution for a sub-question about a whole image, from its detections. */
    public static Map<String, Double> aboutImage(VqaForms form, List<TeacherModel.Found> found) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (form instanceof VqaForms.Exist e) {
            double none = 1;
            for (TeacherModel.Found f : found) none *= 1 - f.objectness() * fit(e.np(), f.attributes());
            out.put("yes", 1 - none);
            out.put("no", none);
            return out;
        }
        if (form instanceof VqaForms.HowMany h) {
            // distribution of the number of fitting objects (independent Bernoulli per detection)
            double[] dist = {1};
            for (TeacherModel.Found f : found) {
                double p = f.objectness() * fit(h.np(), f.attributes());
                double[] next = new double[dist.length + 1];
                for (int k = 0; k < dist.length; k++) {
                    next[k] += dist[k] * (1 - p);
                    next[k + 1] += dist[k] * p;
                }
                dist = next;
            }
            for (int k = 0; k < dist.length; k++) out.merge(Integer.toString(Math.min(k, 10)), dist[k], Double::sum);
            return out;
        }
        Description np = form instanceof VqaForms.Query q
                ? q.np()
                : form instanceof VqaForms.Verify v ? v.np() : ((VqaForms.Choose) form).np();
        TeacherModel.Found best = null;
        double bestFit = -1;
        for (TeacherModel.Found f : found) {
            double s = f.objectness() * fit(np, f.attributes());
            if (s > bestFit) {
                bestFit = s;
                best = f;
            }
        }
        if (best == null) return aboutCrop(form, uniform());
        return aboutCrop(form, best.attributes());
    }

    /** The most likely answer of a distribution and its probability (ties: first). */
    public static Map.Entry<String, Double> argmax(Map<String, Double> dist) {
        Map.Entry<String, Double> best = null;
        for (Map.Entry<String, Double> e : dist.entrySet())
            if (best == null || e.getValue() > best.getValue()) best = e;
        return best;
    }

    /** The form of a question, if the teacher's forms cover it. */
    public static Optional<VqaForms> form(String question) {
        try {
            return VqaForms.parse(question);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static float[] uniform() {
        float[] u = new float[AttributeSpace.WIDTH];
        for (Attribute a : Attribute.values()) {
            for (int k = 0; k < AttributeSpace.size(a); k++)
                u[AttributeSpace.offset(a) + k] = 1f / AttributeSpace.size(a);
        }
        return u;
    }
}
