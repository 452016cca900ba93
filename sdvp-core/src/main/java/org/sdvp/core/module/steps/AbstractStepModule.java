package org.sdvp.core.module.steps;

import java.util.List;
import java.util.Map;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepException;
import org.sdvp.core.module.StepModule;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.SegmentsValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/** Holds a module's signature and gives typed access to its arguments. */
public abstract class AbstractStepModule implements StepModule {
    private final String name;
    private final List<Param> params;
    private final ValueType resultType;
    private final String description;

    protected AbstractStepModule(String name, ValueType resultType, String description, Param... params) {
        this.name = name;
        this.params = List.of(params);
        this.resultType = resultType;
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<Param> params() {
        return params;
    }

    @Override
    public final ValueType resultType() {
        return resultType;
    }

    @Override
    public final String description() {
        return description;
    }

    protected static ImageValue image(Map<String, Value> args, String name) throws StepException {
        return typed(args, name, ImageValue.class);
    }

    /** Boxes; instance masks count as their bounding boxes. */
    protected static BoxesValue boxes(Map<String, Value> args, String name) throws StepException {
        if (args.get(name) instanceof SegmentsValue s) return s.toBoxes();
        return typed(args, name, BoxesValue.class);
    }

    /** Instance masks; boxes alone are refused with a message saying where masks come from. */
    protected static SegmentsValue segments(Map<String, Value> args, String name, String module) throws StepException {
        Value v = args.get(name);
        if (v instanceof SegmentsValue s) return s;
        if (v instanceof BoxesValue) {
            throw new StepException(module + " edits pixels inside instance masks, but argument '" + name
                    + "' holds boxes without masks; find the objects with SEG (then SELECT), not LOC or FACEDET");
        }
        return typed(args, name, SegmentsValue.class);
    }

    protected static String text(Map<String, Value> args, String name) throws StepException {
        return typed(args, name, TextValue.class).text();
    }

    /** The argument as {@code type}; the validator checks static types, this catches EVAL results. */
    protected static <T extends Value> T typed(Map<String, Value> args, String name, Class<T> type)
            throws StepException {
        Value v = args.get(name);
        if (type.isInstance(v)) return type.cast(v);
        throw new StepException("argument '" + name + "' must be " + describe(type) + " but is "
                + (v == null ? "missing" : v.type().describe() + " (" + v.display() + ")"));
    }

    private static String describe(Class<? extends Value> type) {
        if (type == ImageValue.class) return ValueType.IMAGE.describe();
        if (type == BoxesValue.class) return ValueType.BOXES.describe();
        if (type == SegmentsValue.class) return ValueType.SEGMENTS.describe();
        if (type == TextValue.class) return ValueType.TEXT.describe();
        return type.getSimpleName();
    }
}
