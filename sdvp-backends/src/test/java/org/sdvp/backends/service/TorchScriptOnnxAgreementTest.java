package org.sdvp.backends.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sdvp.backends.Fixtures;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ModuleSpec;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaDistributionService;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Detection;
import org.sdvp.world.program.WorldCalls;

/**
 * The TorchScript and the ONNX export of one network answer 100 world calls alike, to 1e-4, through the
 * {@code --modules} providers: the same answers, distributions, boxes and probabilities.
 */
class TorchScriptOnnxAgreementTest {
    static final double TOLERANCE = 1e-4;
    static List<WorldCalls.Call> calls;

    @BeforeAll
    static void calls() {
        calls = WorldCalls.make(100, 15);
    }

    static ModelServices load(String service, String engine) throws Exception {
        return ModuleSpec.parse(engine + ":" + Fixtures.dir(service, engine)).load(ProviderContext.empty());
    }

    @Test
    void vqaDistributionsAgree() throws Exception {
        try (ModelServices ts = load("vqa", "torchscript");
                ModelServices onnx = load("vqa", "onnx")) {
            List<VqaRequest> batch = calls.stream()
                    .map(c -> new VqaRequest(c.image(), c.question()))
                    .toList();
            var a = (VqaDistributionService) ts.vqa().orElseThrow();
            var b = (VqaDistributionService) onnx.vqa().orElseThrow();
            List<Map<String, Double>> da = a.distributions(batch), db = b.distributions(batch);
            double max = 0;
            for (int i = 0; i < batch.size(); i++) {
                assertEquals(da.get(i).keySet(), db.get(i).keySet());
                for (var e : da.get(i).entrySet())
                    max = Math.max(max, Math.abs(e.getValue() - db.get(i).get(e.getKey())));
            }
            assertTrue(max <= TOLERANCE, "largest probability difference " + max);
            List<VqaAnswer> ta = a.apply(batch), tb = b.apply(batch);
            for (int i = 0; i < batch.size(); i++)
                assertEquals(ta.get(i).answer(), tb.get(i).answer(), "call " + i);
            System.out.printf("vqa: 100 calls, largest probability difference %.2e%n", max);
        }
    }

    @Test
    void locBoxesAgree() throws Exception {
        try (ModelServices ts = load("loc", "torchscript");
                ModelServices onnx = load("loc", "onnx")) {
            List<LocRequest> batch = calls.stream()
                    .map(c -> new LocRequest(c.image(), c.phrase()))
                    .toList();
            List<List<Detection>> da = ts.loc().orElseThrow().apply(batch),
                    db = onnx.loc().orElseThrow().apply(batch);
            double max = 0;
            int boxes = 0;
            for (int i = 0; i < batch.size(); i++) {
                assertEquals(da.get(i).size(), db.get(i).size(), "call " + i + " box count");
                for (int k = 0; k < da.get(i).size(); k++) {
                    Detection x = da.get(i).get(k), y = db.get(i).get(k);
                    max = Math.max(max, Math.abs(x.score() - y.score()));
                    // box corners are image pixels: 1e-4 of the normalised coordinates is 1e-4 x the image side
                    double side = Math.max(
                            batch.get(i).image().width(), batch.get(i).image().height());
                    for (double[] c : new double[][] {
                        {x.box().x1(), y.box().x1()},
                        {x.box().y1(), y.box().y1()},
                        {x.box().x2(), y.box().x2()},
                        {x.box().y2(), y.box().y2()}
                    }) {
                        max = Math.max(max, Math.abs(c[0] - c[1]) / side);
                    }
                    boxes++;
                }
            }
            assertTrue(boxes > 0, "the fixture finds boxes at its threshold");
            assertTrue(max <= TOLERANCE, "largest score or normalised box difference " + max);
            System.out.printf("loc: 100 calls, %d boxes, largest difference %.2e%n", boxes, max);
        }
    }

    @Test
    void matchProbabilitiesAgree() throws Exception {
        try (ModelServices ts = load("match", "torchscript");
                ModelServices onnx = load("match", "onnx")) {
            List<MatchRequest> batch = new ArrayList<>();
            for (WorldCalls.Call c : calls) batch.add(new MatchRequest(c.image(), c.phrase()));
            List<Double> pa = ts.match().orElseThrow().apply(batch),
                    pb = onnx.match().orElseThrow().apply(batch);
            double max = 0;
            for (int i = 0; i < batch.size(); i++) {
                assertTrue(pa.get(i) > 0 && pa.get(i) < 1);
                max = Math.max(max, Math.abs(pa.get(i) - pb.get(i)));
            }
            assertTrue(max <= TOLERANCE, "largest probability difference " + max);
            System.out.printf("match: 100 calls, largest probability difference %.2e%n", max);
        }
    }
}
