package org.sdvp.world.exec;

import org.sdvp.core.value.Box;

/** One labelled box, the answer unit of tag-sim (and, with a null label, of ref-sim). */
public record Tag(Box box, String label) {}
