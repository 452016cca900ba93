package org.sdvp.core.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ServiceKind;
import org.sdvp.core.testing.FakeModels;
import org.sdvp.core.trace.ModelCall;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.TextValue;

class VisProgInterpreterTest {
    private static final ImageValue IMAGE = FakeModels.image("scene.png", 100, 80);
    private final VisProgInterpreter interpreter = new VisProgInterpreter();

    private static ModelServices fake() {
        return FakeModels.services(
                loc -> loc.object().equals("cube")
                        ? List.of(new Detection(new Box(20, 20, 40, 40), "cube", 0.9))
                        : List.of(),
                vqa -> vqa.question().startsWith("What color") ? "red" : "no",
                match -> 0.5);
    }

    @Test
    void aGqaStyleProgramRunsAndEveryModelCallIsTraced() throws Exception {
        String program = """
                BOX0=LOC(image=IMAGE,object='cube')
                IMAGE0=CROP(image=IMAGE,box=BOX0)
                ANSWER0=VQA(image=IMAGE0,question='What color is the cube?')
                FINAL_RESULT=RESULT(var=ANSWER0)
                """;
        try (ModelGateway g = new ModelGateway(fake())) {
            Execution run = interpreter.execute(program, Map.of("IMAGE", IMAGE), g);
            assertTrue(run.succeeded());
            assertEquals(new TextValue("red"), run.result().orElseThrow());
            assertEquals(4, run.trace().steps().size());
            List<ModelCall> calls = run.trace().calls().toList();
            assertEquals(
                    List.of(ServiceKind.LOC, ServiceKind.VQA),
                    calls.stream().map(c -> c.request().kind()).toList());
            // the VQA call saw the enlarged crop, and knows where it came from
            assertEquals(new Box(15, 15, 45, 45), calls.get(1).request().image().region());
            assertEquals("scene.png", calls.get(1).request().image().sourceId());
        }
    }

    @Test
    void countingWithEvalGivesAYesNoAnswer() throws Exception {
        String program = """
                BOX0=LOC(image=IMAGE,object='cube')
                ANSWER0=COUNT(box=BOX0)
                ANSWER1=EVAL(expr="'yes' if {ANSWER0} > 0 else 'no'")
                FINAL_RESULT=RESULT(var=ANSWER1)
                """;
        try (ModelGateway g = new ModelGateway(fake())) {
            assertEquals(
                    "yes",
                    interpreter
                            .execute(program, Map.of("IMAGE", IMAGE), g)
                            .result()
                            .orElseThrow()
                            .display());
        }
    }

    @Test
    void aFailingStepStopsTheProgramAndKeepsTheTraceSoFar() throws Exception {
        String program = """
                BOX0=LOC(image=IMAGE,object='edge')
                ANSWER0=COUNT(box=BOX0)
                IMAGE0=CROP_LEFTOF(image=IMAGE,box=BOX0)
                ANSWER1=VQA(image=IMAGE0,question='What is it?')
                FINAL_RESULT=RESULT(var=ANSWER1)
                """;
        ModelServices atTheLeftEdge = FakeModels.services(
                loc -> List.of(new Detection(new Box(0, 10, 0.5, 20), "edge", 0.9)), vqa -> "x", match -> 0.5);
        try (ModelGateway g = new ModelGateway(atTheLeftEdge)) {
            Execution run = interpreter.execute(program, Map.of("IMAGE", IMAGE), g);
            assertFalse(run.succeeded());
            StepFailure f = run.failure().orElseThrow();
            assertEquals(3, f.line());
            assertEquals("CROP_LEFTOF", f.module());
            assertTrue(f.message().startsWith("crop of an empty region"), f.message());
            assertEquals(3, run.trace().steps().size());
            assertTrue(run.trace().steps().get(2).error().isPresent());
            assertTrue(run.result().isEmpty());
        }
    }

    @Test
    void anInvalidProgramRunsNothing() {
        FakeModels.Scripted<org.sdvp.core.service.LocRequest, List<Detection>> loc =
                new FakeModels.Scripted<>(r -> List.of());
        try (ModelGateway g =
                new ModelGateway(ModelServices.builder("f").loc(loc).build())) {
            InvalidProgramException e = assertThrows(
                    InvalidProgramException.class, () -> interpreter.execute("""
                    BOX0=LOC(image=IMAGE,object='cube')
                    BOX1=CROP_NOT(image=IMAGE,box=BOX0)
                    ANSWER0=VQA(image=IMAGE,question=QUESTION)
                    """, Map.of("IMAGE", IMAGE), g));
            assertEquals(List.of(2, 3), e.errors().stream().map(x -> x.line()).toList());
            assertTrue(loc.requests.isEmpty());
        }
    }
}
