package org.sdvp.data.clevr.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sdvp.core.value.Box;

/** The one reader of function names, and the executor over what it reads. */
class FunctionalProgramTest {

    /** {@code "scene; filter_color red 0; count 1"}: function, optional values, input indices. */
    static List<ProgramNode> nodes(String program) {
        List<ProgramNode> out = new ArrayList<>();
        for (String node : program.split(";")) {
            String[] w = node.strip().split(" ");
            List<Integer> inputs = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int i = 1; i < w.length; i++) {
                if (w[i].matches("\\d+") && !w[0].equals("integer")) inputs.add(Integer.parseInt(w[i]));
                else values.add(w[i]);
            }
            out.add(new ProgramNode(w[0], inputs, values));
        }
        return out;
    }

    @Test
    void functionNamesBecomeTypedNodes() throws Exception {
        FunctionalProgram p = FunctionalProgram.parse(nodes(
                "scene; filter_color red 0; unique 1; relate behind 2; count 3; integer 2; greater_than 4 5; not 6"));
        assertEquals(new Fn.Scene(Optional.empty()), p.node(0));
        assertEquals(new Fn.Filter(0, "color", "red"), p.node(1));
        assertEquals(new Fn.Relate(2, "behind"), p.node(3));
        assertEquals(new Fn.Constant(2), p.node(5));
        assertEquals(new Fn.CompareIntegers(Fn.Comparison.GREATER, 4, 5), p.node(6));
        assertInstanceOf(Fn.Not.class, p.node(p.root()));
        assertEquals("filter_color", p.node(1).function());
        Fn choose = FunctionalProgram.parse(nodes("scene LEFT; unique 0; choose_shape cube sphere 1"))
                .node(2);
        assertEquals(new Fn.Choose(1, "shape", "cube", "sphere"), choose);
    }

    @Test
    void functionsOutsideTheIrAndMalformedNodesAreNamed() {
        assertEquals("union", reason("scene; scene; union 0 1"));
        assertEquals("same_size", reason("scene; unique 0; same_size 1"));
        assertEquals("equal_object", reason("scene; unique 0; scene; unique 2; equal_object 1 3"));
        assertEquals("relate sideways", reason("scene; unique 0; relate sideways 1"));
        assertEquals("count with a bad input", reason("count 3"));
        assertEquals("filter_color without a value", reason("scene; filter_color 0"));
        assertEquals("no program", reason(""));
        assertThrows(IllegalArgumentException.class, () -> FunctionalProgram.of(nodes("scene; scene; union 0 1")));
    }

    private static String reason(String program) {
        List<ProgramNode> n = program.isEmpty() ? List.of() : nodes(program);
        return assertThrows(UnsupportedFunctionException.class, () -> FunctionalProgram.parse(n))
                .getMessage();
    }

    /** Three objects in a row: red cube, blue sphere, red sphere; "left" lists the objects left of one. */
    private static final SymbolicScene ROW = new SymbolicScene() {
        final List<Map<String, String>> objects = List.of(
                Map.of("size", "large", "color", "red", "material", "rubber", "shape", "cube"),
                Map.of("size", "small", "color", "blue", "material", "metal", "shape", "sphere"),
                Map.of("size", "large", "color", "red", "material", "metal", "shape", "sphere"));

        @Override
        public int size() {
            return 3;
        }

        @Override
        public String attribute(int object, String attribute) {
            return objects.get(object).get(attribute);
        }

        @Override
        public List<Integer> related(String relation, int object) {
            List<Integer> out = new ArrayList<>();
            for (int j = 0; j < 3; j++) if (relation.equals("left") ? j < object : j > object) out.add(j);
            return out;
        }

        @Override
        public Box box(int object) {
            return new Box(10 * object, 0, 10 * object + 8, 8);
        }
    };

    private static Object run(String program) {
        return new SymbolicExecutor().run(FunctionalProgram.of(nodes(program)), ROW);
    }

    @Test
    void theExecutorAnswersFromTheAnnotations() {
        assertEquals(2, run("scene; filter_color red 0; count 1"));
        assertEquals(
                "blue",
                run(
                        "scene; filter_color red 0; filter_shape sphere 1; unique 2; relate left 3; filter_shape sphere 4; unique 5; query_color 6"));
        assertEquals(true, run("scene; filter_shape cube 0; exist 1; scene; filter_color green 3; exist 4; xor 2 5"));
        assertEquals("sphere", run("scene; filter_color blue 0; unique 1; choose_shape cube sphere 2"));
        assertEquals(
                List.of(
                        new SymbolicExecutor.Tag(new Box(0, 0, 8, 8), "rubber"),
                        new SymbolicExecutor.Tag(new Box(20, 0, 28, 8), "metal")),
                run("scene; filter_color red 0; tag material 1"));
        assertThrows(ExecutionException.class, () -> run("scene; filter_color red 0; unique 1"));
        assertThrows(
                ExecutionException.class, () -> run("scene; filter_color blue 0; unique 1; choose_color red green 2"));
    }

    @Test
    void bothEmittersWriteTheSameSubQuestions() {
        FunctionalProgram p = FunctionalProgram.of(nodes("scene; filter_shape cube 0; unique 1; verify_color red 2"));
        String visprog = VisProgEmitter.emit(p, Flavor.GQA);
        String viper = ViperEmitter.emit(p, Flavor.GQA, "Is the cube red?");
        assertTrue(
                visprog.contains(
                        "ANSWER0=VQA(image=IMAGE0,question='Is the cube red?')\nFINAL_RESULT=RESULT(var=ANSWER0)"),
                visprog);
        assertTrue(viper.contains("cube_patch.verify_property(\"cube\", \"red\")"), viper);
        // CLEVR's behind/front are crops above/below (farther objects sit higher in its camera view)
        String behind = VisProgEmitter.emit(
                FunctionalProgram.of(nodes("scene; filter_shape cube 0; unique 1; relate behind 2; count 3")),
                Flavor.GQA);
        assertTrue(behind.contains("IMAGE0=CROP_ABOVE(image=IMAGE,box=BOX0)"), behind);
        assertThrows(
                IllegalArgumentException.class,
                () -> VisProgEmitter.emit(
                        FunctionalProgram.of(nodes("scene; filter_shape cube 0; query_color 1")), Flavor.GQA));
    }
}
