package org.sdvp.world.instruct;

import static org.sdvp.world.instruct.InstructionFactory.program;
import static org.sdvp.world.instruct.InstructionFactory.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.sdvp.core.module.steps.ImageEdits;
import org.sdvp.core.value.Mask;
import org.sdvp.world.oracle.OracleTools;
import org.sdvp.world.question.Description;
import org.sdvp.world.question.Referring;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneObject;

/**
 * edit-sim: "Make the cylinders blue", "Create a color pop of the large sphere", "Blur everything but the
 * red cube". Half of the instructions name a category (every object of a shape, selected by SEG's labels as
 * VisProg's SELECT does), half one object by a unique description (selected by image–text matching). The
 * gold image is exact: the scene re-rendered with the new colour, or the colour pop / background blur
 * computed with the objects' exact ID-buffer masks.
 */
public final class EditInstructions implements InstructionFactory {
    private static final List<String> TYPES = List.of("recolor", "colorpop", "bgblur");

    @Override
    public List<String> types() {
        return TYPES;
    }

    @Override
    public Optional<Instruction> make(String type, Scene s, SplittableRandom rng) {
        int t = rng.nextInt(s.size());
        List<Integer> targets = new ArrayList<>();
        String query;
        String phrase;
        Description unique = rng.nextBoolean() ? Referring.unique(s, Referring.all(s), t, null, rng) : null;
        if (unique != null) {
            targets.add(t);
            query = unique.phrase();
            phrase = query;
        } else {
            String shape = s.object(t).shape();
            for (int i = 0; i < s.size(); i++) if (s.object(i).shape().equals(shape)) targets.add(i);
            query = shape;
            phrase = targets.size() == 1 ? shape : shape + "s";
        }
        String find =
                "OBJ0=SEG(image=IMAGE)\nOBJ1=SELECT(image=IMAGE,object=OBJ0,query=" + quote(query) + ",category=None)";
        return Optional.of(
                switch (type) {
                    case "recolor" -> {
                        String colour = Referring.other(
                                rng, Attribute.COLOR, s.object(t).color());
                        List<SceneObject> edited = new ArrayList<>(s.objects());
                        for (int i : targets) {
                            SceneObject o = s.object(i);
                            edited.set(
                                    i,
                                    new SceneObject(
                                            o.size(), colour, o.material(), o.shape(), o.x(), o.y(), o.radius()));
                        }
                        Scene after = new Scene(
                                s.imageFilename(), s.width(), s.height(), s.style(), s.seed(), edited, s.views());
                        yield new Instruction(
                                type,
                                "Make the " + phrase + " " + colour + ".",
                                program(
                                        find,
                                        "IMAGE0=REPLACE(image=IMAGE,object=OBJ1,prompt=" + quote(colour) + ")",
                                        "FINAL_RESULT=RESULT(var=IMAGE0)"),
                                new Instruction.EditedImage(OracleTools.render(after)));
                    }
                    case "colorpop" ->
                        new Instruction(
                                type,
                                "Create a color pop of the " + phrase + ".",
                                program(
                                        find,
                                        "IMAGE0=COLORPOP(image=IMAGE,object=OBJ1)",
                                        "FINAL_RESULT=RESULT(var=IMAGE0)"),
                                new Instruction.EditedImage(
                                        ImageEdits.colorPop(OracleTools.render(s), union(s, targets))));
                    case "bgblur" ->
                        new Instruction(
                                type,
                                "Blur everything but the " + phrase + ".",
                                program(
                                        find,
                                        "IMAGE0=BGBLUR(image=IMAGE,object=OBJ1)",
                                        "FINAL_RESULT=RESULT(var=IMAGE0)"),
                                new Instruction.EditedImage(
                                        ImageEdits.bgBlur(OracleTools.render(s), union(s, targets))));
                    default -> throw new IllegalArgumentException("unknown edit-sim type " + type);
                });
    }

    private static Mask union(Scene s, List<Integer> targets) {
        List<Mask> masks = OracleTools.masks(s);
        Mask u = masks.get(targets.get(0));
        for (int i : targets) u = u.union(masks.get(i));
        return u;
    }
}
