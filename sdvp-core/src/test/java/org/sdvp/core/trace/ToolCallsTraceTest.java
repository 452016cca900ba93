package org.sdvp.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ToolServices;
import org.sdvp.core.testing.FakeModels;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Mask;
import org.sdvp.core.value.Segment;
import org.sdvp.core.value.Value;

/**
 * SEG, REPLACE and LIST calls are recorded in the trace like LOC/VQA calls (what was asked, what came back,
 * which backend), in the JSON lines and the HTML rationale, but never among the distillable model calls.
 */
class ToolCallsTraceTest {
    private static final int W = 20, H = 10;

    @Test
    void segReplaceAndListCallsAreRecordedInTheTraceButNotAsDistillableCalls() throws Exception {
        BitSet left = new BitSet();
        for (int y = 0; y < H; y++) for (int x = 0; x < 8; x++) left.set(y * W + x);
        ModelServices fake = ModelServices.builder("fake")
                .match(new FakeModels.Scripted<>(r -> 0.5))
                .tools(ToolServices.none()
                        .withSegmenter(image -> List.of(new Segment(new Mask(W, H, left), "cube", 0.9)))
                        .withReplacer((image, objects, prompt) -> new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB))
                        .withLister((query, max) -> List.of("red", "blue")))
                .build();
        Map<String, Value> initial =
                Map.of("IMAGE", ImageValue.source("s.png", new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB)));
        String program = "OBJ0=SEG(image=IMAGE)\nIMAGE0=REPLACE(image=IMAGE,object=OBJ0,prompt='blue metal')\n"
                + "L=LIST(query='colors',max=2)\nFINAL_RESULT=RESULT(var=IMAGE0)";
        Execution run;
        try (ModelGateway gateway = new ModelGateway(fake)) {
            run = new VisProgInterpreter().execute(program, initial, gateway);
        }
        assertTrue(run.failure().isEmpty(), String.valueOf(run.failure()));
        List<StepRecord> steps = run.trace().steps();
        assertEquals("SEG", steps.get(0).tools().get(0).tool());
        assertEquals("fake", steps.get(0).tools().get(0).backend());
        assertEquals("blue metal", steps.get(1).tools().get(0).text());
        assertEquals(List.of("red", "blue"), steps.get(2).tools().get(0).response());
        assertEquals(0, run.trace().calls().count(), "editing and knowledge calls are not distillable sub-task calls");

        JsonNode seg = Json.mapper()
                .readTree(TraceJsonl.line(steps.get(0)))
                .get("calls")
                .get(0);
        assertEquals("SEG", seg.get("kind").asText());
        assertEquals("s.png", seg.get("image").get("source").asText());
        assertEquals("cube", seg.get("response").get(0).get("label").asText());
        assertEquals("[0.0,0.0,8.0,10.0]", seg.get("response").get(0).get("box").toString());
        JsonNode replace = Json.mapper()
                .readTree(TraceJsonl.line(steps.get(1)))
                .get("calls")
                .get(0);
        assertEquals("REPLACE", replace.get("kind").asText());
        assertEquals("1 object replaced (cube)", replace.get("response").asText());
        JsonNode list = Json.mapper()
                .readTree(TraceJsonl.line(steps.get(2)))
                .get("calls")
                .get(0);
        assertEquals("LIST", list.get("kind").asText());
        assertTrue(list.get("image").isNull());
        assertEquals("colors (max 2)", list.get("text").asText());
        assertEquals("[\"red\",\"blue\"]", list.get("response").toString());

        String html = TraceHtml.render("edit", run.trace(), "ok", false);
        assertTrue(html.contains("SEG → 1 mask: cube"), html);
        assertTrue(html.contains("REPLACE &quot;blue metal&quot; → 1 object replaced (cube)"), html);
        assertTrue(html.contains("LIST &quot;colors (max 2)&quot; → red, blue"), html);
    }
}
