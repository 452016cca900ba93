package org.sdvp.world.instruct;

import static org.sdvp.world.instruct.InstructionFactory.program;
import static org.sdvp.world.instruct.InstructionFactory.quote;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.sdvp.world.question.Description;
import org.sdvp.world.question.Referring;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.Scene;

/**
 * depth-sim: "How many objects are in front of the red cube?", "Is there a sphere behind the large
 * cylinder?". In front of = nearer the camera = a larger base row (the object's {@code y}); the programs use
 * VisProg's depth crops (CROP_INFRONTOF, CROP_FRONTOF, CROP_INFRONT, CROP_AHEAD, CROP_BEHIND), so the task
 * measures what those crops mean ({@code --depth-crops box} or {@code ground}).
 */
public final class DepthInstructions implements InstructionFactory {
    private static final List<String> FRONT = List.of("CROP_INFRONTOF", "CROP_FRONTOF", "CROP_INFRONT", "CROP_AHEAD");

    @Override
    public List<String> types() {
        return List.of("count_front", "count_behind", "exist_front", "exist_behind");
    }

    @Override
    public Optional<Instruction> make(String type, Scene s, SplittableRandom rng) {
        int ref = rng.nextInt(s.size());
        Description d = Referring.unique(s, Referring.all(s), ref, null, rng);
        if (d == null || d.constraints() == 0) return Optional.empty();
        boolean front = type.endsWith("front");
        String relation = front ? "in front of" : "behind";
        String crop = front ? FRONT.get(rng.nextInt(FRONT.size())) : "CROP_BEHIND";
        String head =
                "BOX0=LOC(image=IMAGE,object=" + quote(d.phrase()) + ")\nIMAGE0=" + crop + "(image=IMAGE,box=BOX0)";
        if (type.startsWith("count")) {
            long n = related(s, ref, front, null);
            return Optional.of(new Instruction(
                    type,
                    "How many objects are " + relation + " the " + d.phrase() + "?",
                    program(
                            head,
                            "BOX1=LOC(image=IMAGE0,object='object')",
                            "ANSWER0=COUNT(box=BOX1)",
                            "FINAL_RESULT=RESULT(var=ANSWER0)"),
                    new Instruction.Answer(Long.toString(n))));
        }
        String shape = Referring.pick(rng, Attribute.SHAPE);
        boolean yes = related(s, ref, front, shape) > 0;
        return Optional.of(new Instruction(
                type,
                "Is there a " + shape + " " + relation + " the " + d.phrase() + "?",
                program(
                        head,
                        "BOX1=LOC(image=IMAGE0,object=" + quote(shape) + ")",
                        "ANSWER0=COUNT(box=BOX1)",
                        "ANSWER1=EVAL(expr=\"'yes' if {ANSWER0} > 0 else 'no'\")",
                        "FINAL_RESULT=RESULT(var=ANSWER1)"),
                new Instruction.Answer(yes ? "yes" : "no")));
    }

    /** Objects (of {@code shape}, if given) nearer ({@code front}) or farther than {@code ref}. */
    private static long related(Scene s, int ref, boolean front, String shape) {
        long n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (i == ref || (shape != null && !s.object(i).shape().equals(shape))) continue;
            if (front
                    ? s.object(i).y() > s.object(ref).y()
                    : s.object(i).y() < s.object(ref).y()) n++;
        }
        return n;
    }
}
