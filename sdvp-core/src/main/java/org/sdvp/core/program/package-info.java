/**
 * VisProg programs: the IR ({@link org.sdvp.core.program.Program}, {@link org.sdvp.core.program.Step},
 * {@link org.sdvp.core.program.Arg}, {@link org.sdvp.core.program.ArgValue}) and the front end that builds
 * it from text.
 *
 * <p>{@link org.sdvp.core.program.Programs#parse} is the only entry point. It runs the stages in order,
 * one class each: {@code ProgramScanner} (tokens of a line), {@code ProgramParser} (steps; recovers at the
 * next line after a syntax error) and {@code ProgramValidator} (modules, arguments, variables, static
 * types, EVAL expressions). Every problem found becomes a {@link org.sdvp.core.program.ProgramError};
 * together they are thrown as one {@link org.sdvp.core.program.InvalidProgramException}, sorted by
 * position, and nothing runs.
 *
 * <p>Thread-safety: the IR records are immutable; {@code Programs.parse} keeps no shared state and may be
 * called concurrently (each call uses fresh scanner, parser and validator objects).
 */
package org.sdvp.core.program;
