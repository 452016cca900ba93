package org.sdvp.core.program;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns program text into {@link Step}s, one statement per line:
 *
 * <pre>
 * line  := NAME "=" NAME "(" ( arg ( "," arg )* )? ")"
 * arg   := NAME "=" value
 * value := NAME | STRING | NUMBER            (the NAME {@code None} is the literal None)
 * </pre>
 *
 * <p>Blank lines and {@code #} comments are skipped. A syntax error is recorded and the parser moves on
 * to the next line (statements never span lines, so the line end is the natural synchronisation point),
 * so one pass reports every malformed line. This stage knows nothing of modules or variables; that is
 * {@link ProgramValidator}'s job.
 */
final class ProgramParser {

    /**
     * What the parser produced.
     *
     * @param program       the well-formed steps (lines with syntax errors are left out)
     * @param brokenOutputs variables assigned on lines with syntax errors ({@code X=...} was readable), so
     *                      the validator can treat them as defined instead of reporting every later use
     * @param errors        syntax errors in line order
     */
    record Result(Program program, Set<String> brokenOutputs, List<ProgramError> errors) {}

    /** Thrown inside one line to abandon it; carries nothing, the error is already recorded. */
    private static final class LineAbandoned extends RuntimeException {
        LineAbandoned() {
            super(null, null, false, false);
        }
    }

    private final List<ProgramError> errors = new ArrayList<>();
    private int lineNumber;
    private List<Token> tokens;
    private int current;

    private ProgramParser() {}

    static Result parse(String source) {
        return new ProgramParser().run(source);
    }

    /** The source's lines, split the same way everywhere positions are computed. */
    static String[] lines(String source) {
        return source.split("\r\n|\r|\n", -1);
    }

    private Result run(String source) {
        List<Step> steps = new ArrayList<>();
        Set<String> broken = new LinkedHashSet<>();
        String[] lines = lines(source);
        for (int i = 0; i < lines.length; i++) {
            lineNumber = i + 1;
            int errorsBefore = errors.size();
            tokens = ProgramScanner.scan(lines[i], lineNumber, errors);
            current = 0;
            if (check(Token.Type.END) && errors.size() == errorsBefore) continue; // blank or comment
            if (errors.size() == errorsBefore) {
                try {
                    steps.add(step(lines[i].strip()));
                    continue;
                } catch (LineAbandoned e) {
                    // synchronise: the error is recorded, carry on with the next line
                }
            }
            if (tokens.size() > 1
                    && tokens.get(0).type() == Token.Type.NAME
                    && tokens.get(1).type() == Token.Type.EQUAL) {
                broken.add(tokens.get(0).lexeme());
            }
        }
        return new Result(new Program(steps, source), broken, errors);
    }

    private Step step(String text) {
        Token output = consume(Token.Type.NAME, "Expect a variable name at the start of the statement.");
        consume(Token.Type.EQUAL, "Expect '=' after '" + output.lexeme() + "'.");
        Token module = consume(Token.Type.NAME, "Expect a module name after '='.");
        consume(Token.Type.LEFT_PAREN, "Expect '(' after module name '" + module.lexeme() + "'.");
        List<Arg> args = new ArrayList<>();
        if (!check(Token.Type.RIGHT_PAREN)) {
            do {
                args.add(arg());
            } while (match(Token.Type.COMMA));
        }
        consume(Token.Type.RIGHT_PAREN, "Expect ',' or ')' after argument.");
        consume(Token.Type.END, "Expect end of line after ')'.");
        return new Step(lineNumber, output.lexeme(), module.lexeme(), args, text, module.column());
    }

    private Arg arg() {
        Token name = consume(Token.Type.NAME, "Expect an argument name.");
        if (!match(Token.Type.EQUAL)) {
            // VisProg has no positional arguments; say so rather than just "expect '='".
            throw error(
                    peek(),
                    "Expect '=' after argument name '" + name.lexeme() + "'; arguments are written name=value.");
        }
        Token value = peek();
        ArgValue parsed = switch (value.type()) {
            case NAME -> value.lexeme().equals("None") ? new ArgValue.None() : new ArgValue.VarRef(value.lexeme());
            case STRING -> new ArgValue.Str((String) value.value());
            case NUMBER -> new ArgValue.Num((Double) value.value());
            default ->
                throw error(
                        value,
                        "Expect a value after '" + name.lexeme() + "=': a variable, a string, a number or None.");
        };
        current++;
        return new Arg(name.lexeme(), parsed, name.column(), value.column());
    }

    private Token consume(Token.Type type, String message) {
        if (check(type)) return tokens.get(current++);
        throw error(peek(), message);
    }

    private boolean match(Token.Type type) {
        if (!check(type)) return false;
        current++;
        return true;
    }

    private boolean check(Token.Type type) {
        return peek().type() == type;
    }

    private Token peek() {
        return tokens.get(current);
    }

    private LineAbandoned error(Token token, String message) {
        errors.add(new ProgramError(lineNumber, token.column(), token.lexeme(), message));
        return new LineAbandoned();
    }
}
