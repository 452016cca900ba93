package org.sdvp.world.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdvp.data.clevr.program.ExecutionException;
import org.sdvp.data.clevr.program.SymbolicExecutor;
import org.sdvp.data.clevr.program.SymbolicExecutor.Tag;
import org.sdvp.world.question.Description;
import org.sdvp.world.question.FProgram;
import org.sdvp.world.scene.RowScene;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneObject;

class SymbolicExecutorTest {
    private static final List<SceneObject> OBJECTS = RowScene.OBJECTS;
    private static final Scene SCENE = RowScene.SCENE;
    private final SymbolicExecutor exec = new SymbolicExecutor();

    @Test
    void countsFiltersAndRelations() {
        FProgram.Builder b = FProgram.builder();
        b.op("count", b.filter(b.scene(null), new Description(null, "red", null, null)));
        assertEquals(2, exec.run(b.build().typed(), SCENE));

        b = FProgram.builder();
        int ref = b.op("unique", b.filter(b.scene(null), new Description("small", null, null, null)));
        b.op(
                "query_color",
                b.op(
                        "unique",
                        b.filter(b.op("relate", List.of("right"), ref), new Description(null, null, null, "sphere"))));
        assertEquals("red", exec.run(b.build().typed(), SCENE));
    }

    @Test
    void logicAndComparisons() {
        FProgram.Builder b = FProgram.builder();
        int cubes = b.op("count", b.filter(b.scene(null), new Description(null, null, null, "cube")));
        int spheres = b.op("count", b.filter(b.scene(null), new Description(null, null, null, "sphere")));
        int less = b.op("less_than", cubes, spheres);
        b.op(
                "xor",
                less,
                b.op("not", b.op("equal_integer", b.op("add", cubes, spheres), b.op("integer", List.of("3")))));
        assertEquals(true, exec.run(b.build().typed(), SCENE));
    }

    @Test
    void pairsReadTheirSide() {
        FProgram.Builder b = FProgram.builder();
        b.op("exist", b.filter(b.scene("right"), new Description(null, "blue", null, null)));
        assertEquals(true, exec.run(b.build().typed(), Map.of("left", SCENE, "right", SCENE)));
    }

    @Test
    void uniqueOverManyObjectsIsAnError() {
        FProgram.Builder b = FProgram.builder();
        b.op("query_shape", b.op("unique", b.filter(b.scene(null), new Description(null, "red", null, null))));
        assertThrows(ExecutionException.class, () -> exec.run(b.build().typed(), SCENE));
    }

    @Test
    void tagsLabelEveryObjectOfTheSet() {
        FProgram.Builder b = FProgram.builder();
        b.op("tag", List.of("size"), b.filter(b.scene(null), new Description(null, null, null, "sphere")));
        @SuppressWarnings("unchecked")
        List<Tag> tags = (List<Tag>) exec.run(b.build().typed(), SCENE);
        assertEquals(List.of("small", "large"), tags.stream().map(Tag::label).toList());
        assertEquals(SCENE.view(1).box(), tags.get(0).box());
    }
}
