package org.sdvp.world.task;

/** What a task's answers are, which decides how they are written, balanced and compared. */
public enum AnswerKind {
    /** A word: an attribute value or yes/no (gqa-sim). */
    WORD,
    /** A count (count-sim). */
    NUMBER,
    /** True/False (nlvr-sim). */
    LABEL,
    /** One box (ref-sim). */
    BOX,
    /** Labelled boxes (tag-sim). */
    TAGS
}
