package org.sdvp.world.instruct;

import static org.sdvp.world.instruct.InstructionFactory.program;
import static org.sdvp.world.instruct.InstructionFactory.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.sdvp.core.value.Detection;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.Scene;

/**
 * knowtag-sim, the world's analogue of VisProg's knowledge tagging: "Tag the cubes with their colors". The
 * program is VisProg's knowtag shape — LOC the objects, LIST the categories ("colors": knowledge, answered by
 * the LLM or the world's vocabulary), CLASSIFY each object over the list, TAG. Gold: every such object's
 * visible box labelled with its value.
 */
public final class KnowtagInstructions implements InstructionFactory {
    private static final List<Attribute> TAGGED =
            List.of(Attribute.COLOR, Attribute.MATERIAL, Attribute.SIZE, Attribute.SHAPE);

    @Override
    public List<String> types() {
        return TAGGED.stream().map(a -> "tag_" + a.word()).toList();
    }

    @Override
    public Optional<Instruction> make(String type, Scene s, SplittableRandom rng) {
        Attribute a = Attribute.ofWord(type.substring("tag_".length()));
        // tag the objects of one present shape, or all objects when shapes are what is tagged
        String shape =
                a == Attribute.SHAPE ? null : s.object(rng.nextInt(s.size())).shape();
        List<Detection> gold = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (shape == null || s.object(i).shape().equals(shape)) {
                gold.add(new Detection(s.view(i).box(), s.object(i).get(a), 1.0));
            }
        }
        String noun = shape == null ? "object" : shape;
        String plural = a.word().equals("size") ? "sizes" : a.word() + "s";
        String text = "Tag the " + noun + "s with their " + plural + ".";
        return Optional.of(new Instruction(
                type,
                text,
                program(
                        "OBJ0=LOC(image=IMAGE,object=" + quote(noun) + ")",
                        "LIST0=LIST(query=" + quote(plural) + ",max="
                                + a.vocabulary().size() + ")",
                        "OBJ1=CLASSIFY(image=IMAGE,object=OBJ0,categories=LIST0)",
                        "IMAGE0=TAG(image=IMAGE,object=OBJ1)",
                        "FINAL_RESULT=RESULT(var=IMAGE0)"),
                new Instruction.Tags(gold)));
    }
}
