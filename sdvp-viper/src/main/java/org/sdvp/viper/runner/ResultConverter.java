package org.sdvp.viper.runner;

import java.util.ArrayList;
import java.util.List;
import org.sdvp.core.value.BoolValue;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.ListValue;
import org.sdvp.core.value.NoneValue;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;
import org.sdvp.viper.api.ImagePatchApi;
import org.sdvp.viper.api.Patch;

/**
 * Turns what {@code execute_command} returned into a core {@link Value}: {@code str} → text,
 * {@code bool} → boolean, {@code int}/{@code float} → number, {@code None} → none, an {@code ImagePatch}
 * or a list of them → boxes in source coordinates (y down), a list of {@code (patch, label)} pairs →
 * labelled boxes, other lists → a list, anything else → its
 * {@code str()}. Must run while the context is open (and guarded: {@code str()} may run program code).
 */
final class ResultConverter {
    /** Deeper nesting than this is not an answer; it is cut off rather than walked. */
    private static final int MAX_DEPTH = 4;

    private static final int MAX_ITEMS = 1000;

    private final org.graalvm.polyglot.Value kind;
    private final org.graalvm.polyglot.Value str;
    private final ImagePatchApi api;

    ResultConverter(org.graalvm.polyglot.Value kind, org.graalvm.polyglot.Value str, ImagePatchApi api) {
        this.kind = kind;
        this.str = str;
        this.api = api;
    }

    Value convert(org.graalvm.polyglot.Value v) {
        return convert(v, 0);
    }

    private Value convert(org.graalvm.polyglot.Value v, int depth) {
        String k = kind.execute(v).asString();
        switch (k) {
            case "patch":
                return new BoxesValue(List.of(patch(v).toDetection()));
            case "patches": {
                var dets = new ArrayList<org.sdvp.core.value.Detection>();
                for (long i = 0; i < Math.min(v.getArraySize(), MAX_ITEMS); i++) {
                    dets.add(patch(v.getArrayElement(i)).toDetection());
                }
                return new BoxesValue(dets);
            }
            case "tagged": {
                // (patch, label) pairs: labelled boxes, as VisProg's TAG reports them
                var dets = new ArrayList<org.sdvp.core.value.Detection>();
                for (long i = 0; i < Math.min(v.getArraySize(), MAX_ITEMS); i++) {
                    org.graalvm.polyglot.Value pair = v.getArrayElement(i);
                    org.sdvp.core.value.Detection d =
                            patch(pair.getArrayElement(0)).toDetection();
                    dets.add(new org.sdvp.core.value.Detection(
                            d.box(), pair.getArrayElement(1).asString(), d.score()));
                }
                return new BoxesValue(dets);
            }
            case "bool":
                return BoolValue.of(v.asBoolean());
            case "number":
                return new NumberValue(
                        v.fitsInDouble()
                                ? v.asDouble()
                                : Double.parseDouble(str.execute(v).asString()));
            case "str":
                return new TextValue(v.asString());
            case "none":
                return NoneValue.INSTANCE;
            case "list":
                if (depth < MAX_DEPTH) {
                    List<Value> items = new ArrayList<>();
                    for (long i = 0; i < Math.min(v.getArraySize(), MAX_ITEMS); i++) {
                        items.add(convert(v.getArrayElement(i), depth + 1));
                    }
                    return new ListValue(items);
                }
                return new TextValue(str.execute(v).asString());
            default:
                return new TextValue(str.execute(v).asString());
        }
    }

    private Patch patch(org.graalvm.polyglot.Value p) {
        return api.patch(p.getMember("_h").asInt());
    }
}
