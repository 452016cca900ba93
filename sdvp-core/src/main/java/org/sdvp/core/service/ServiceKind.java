package org.sdvp.core.service;

/** The three model-backed sub-tasks every module reduces to. */
public enum ServiceKind {
    /** Grounding: image + object phrase → scored boxes (LOC, ViperGPT's find/exists). */
    LOC,
    /** Visual question answering: image + question → short answer (VQA, simple_query). */
    VQA,
    /** Image–text matching: image + text → probability (SELECT, CLASSIFY, verify_property, best_text_match). */
    MATCH
}
