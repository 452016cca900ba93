package org.sdvp.core.service;

import org.sdvp.core.value.ImageValue;

/** One sub-task call to a model: the visual input (with provenance) and the text input. */
public sealed interface ModelRequest permits LocRequest, VqaRequest, MatchRequest {
    ImageValue image();

    String text();

    ServiceKind kind();
}
