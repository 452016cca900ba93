package org.sdvp.core.evaluation;

/** The score over the questions of one type. */
public record TypeScore(int count, double score) {}
