package org.sdvp.core.service;

import java.util.List;

/** LIST: at most {@code max} items answering {@code query} ("colors", "presidents of the US"), from knowledge. */
@FunctionalInterface
public interface Lister {
    List<String> list(String query, int max) throws ModelServiceException;
}
