package org.sdvp.data.clevr.program;

import java.util.List;
import org.sdvp.core.value.Box;

/** What the {@link SymbolicExecutor} reads of a scene's annotations; objects are indexed from 0. */
public interface SymbolicScene {

    int size();

    /** @throws IllegalArgumentException for an attribute outside the scene's schema */
    String attribute(int object, String attribute);

    /** The objects j that are {@code relation} of object {@code object} (CLEVR's {@code relationships[rel][i]}). */
    List<Integer> related(String relation, int object);

    /** The object's box in image pixels (tag answers). */
    Box box(int object);
}
