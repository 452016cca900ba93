package org.sdvp.viper.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.sdvp.core.expr.Expr;
import org.sdvp.core.expr.Expression;
import org.sdvp.core.expr.ExpressionSyntaxException;
import org.sdvp.core.module.steps.StandardModules;
import org.sdvp.core.program.Arg;
import org.sdvp.core.program.ArgValue;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.program.Program;
import org.sdvp.core.program.ProgramError;
import org.sdvp.core.program.Programs;
import org.sdvp.core.program.Step;
import org.sdvp.core.value.BoolValue;
import org.sdvp.core.value.NoneValue;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;

/**
 * Translates a (validated) VisProg program into an equivalent ViperGPT-style Python program, one
 * statement per step, so the dataset programs of every task run under {@code --framework viper} too.
 *
 * <p>Each step becomes a call of a prelude helper that reproduces the core module on patches with the
 * same model calls ({@code LOC} → {@code find}, {@code VQA} → {@code simple_query}, {@code SELECT} →
 * {@code best_image_match} on the same ×1.5 crops, {@code CLASSIFY} → {@code best_text_match}, crops
 * from exact boxes); {@code EVAL} expressions are parsed with the core parser and printed as Python with
 * VisProg's coercions ({@code _vp_coerce}) and {@code xor}. The program returns its last step's value.
 * Stateless and thread-safe.
 */
public final class VisProgTranslator {
    /** A VisProg line: {@code NAME=MODULE(}. Python programs never start like this. */
    private static final Pattern VISPROG_LINE = Pattern.compile("^\\s*[A-Za-z_]\\w*\\s*=\\s*[A-Z][A-Z_0-9]*\\s*\\(");

    private static final List<String> ARGUMENT_ORDER = List.of("IMAGE", "LEFT", "RIGHT");
    private static final Set<String> PYTHON_KEYWORDS = Set.of(
            "False",
            "None",
            "True",
            "and",
            "as",
            "assert",
            "async",
            "await",
            "break",
            "class",
            "continue",
            "def",
            "del",
            "elif",
            "else",
            "except",
            "finally",
            "for",
            "from",
            "global",
            "if",
            "import",
            "in",
            "is",
            "lambda",
            "nonlocal",
            "not",
            "or",
            "pass",
            "raise",
            "return",
            "try",
            "while",
            "with",
            "yield");
    /** First line of every translation, so traces show where the Python came from. */
    public static final String HEADER = "# translated from VisProg by sdvp";

    private VisProgTranslator() {}

    /** Whether {@code source} is a VisProg program rather than Python: its first statement is {@code X=MODULE(}. */
    public static boolean isVisProg(String source) {
        if (source.contains("def execute_command")) return false;
        for (String line : source.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            return VISPROG_LINE.matcher(line).find();
        }
        return false;
    }

    /**
     * @param initialVariables {@code IMAGE}, or {@code LEFT} and {@code RIGHT}
     * @throws InvalidProgramException when the VisProg program does not validate (nothing is translated)
     */
    public static String translate(String visprog, Set<String> initialVariables) throws InvalidProgramException {
        Program program = Programs.parse(visprog, StandardModules.registry(), initialVariables);
        List<String> params = new ArrayList<>();
        for (String name : ARGUMENT_ORDER) if (initialVariables.contains(name)) params.add(name);
        for (String name : new TreeSet<>(initialVariables)) if (!params.contains(name)) params.add(name);
        StringBuilder py = new StringBuilder(HEADER).append('\n');
        py.append("def execute_command(")
                .append(String.join(
                        ", ", params.stream().map(VisProgTranslator::name).toList()))
                .append("):\n");
        String last = null;
        for (Step step : program.steps()) {
            py.append("    ")
                    .append(name(step.output()))
                    .append(" = ")
                    .append(statement(step))
                    .append('\n');
            last = step.output();
        }
        py.append("    return ").append(name(last)).append('\n');
        return py.toString();
    }

    private static String statement(Step s) throws InvalidProgramException {
        String m = s.module().toUpperCase(Locale.ROOT);
        switch (m) {
            case "LOC":
                return "_vp_loc(" + arg(s, "image") + ", " + arg(s, "object") + ")";
            case "COUNT":
                return "len(" + arg(s, "box") + ")";
            case "CROP":
                return "_vp_crop(" + arg(s, "image") + ", " + arg(s, "box") + ")";
            case "CROP_LEFTOF":
            case "CROP_RIGHTOF":
            case "CROP_ABOVE":
            case "CROP_BELOW":
                return "_vp_side(" + arg(s, "image") + ", " + arg(s, "box") + ", '" + m.substring(5) + "')";
            case "VQA":
                return arg(s, "image") + ".simple_query(" + arg(s, "question") + ")";
            case "EVAL":
                return eval(s);
            case "RESULT":
                return arg(s, "var");
            case "SELECT":
                return "_vp_select(" + arg(s, "image") + ", " + arg(s, "object") + ", " + arg(s, "query") + ", "
                        + (s.arg("category").isPresent() ? arg(s, "category") : "None") + ")";
            case "CLASSIFY":
                return "_vp_classify(" + arg(s, "image") + ", " + arg(s, "object") + ", " + arg(s, "categories") + ")";
            case "TAG":
                return arg(s, "object");
            default:
                throw new InvalidProgramException(List.of(new ProgramError(
                        s.line(),
                        s.moduleColumn(),
                        s.module(),
                        "module " + s.module() + " has no ViperGPT translation")));
        }
    }

    private static String eval(Step s) throws InvalidProgramException {
        ArgValue v = s.arg("expr").orElseThrow().value();
        if (!(v instanceof ArgValue.Str str)) return "_vp_coerce(" + arg(s, "expr") + ")";
        try {
            return Expression.parse(str.text()).root().accept(new PythonPrinter());
        } catch (ExpressionSyntaxException e) {
            throw new InvalidProgramException(List.of(new ProgramError(s.line(), 0, "EVAL", e.getMessage())));
        }
    }

    private static String arg(Step s, String name) {
        return s.arg(name).map(Arg::value).map(VisProgTranslator::value).orElse("None");
    }

    private static String value(ArgValue v) {
        if (v instanceof ArgValue.VarRef r) return name(r.name());
        if (v instanceof ArgValue.Str t) return quote(t.text());
        if (v instanceof ArgValue.Num n) return number(n.value());
        return "None";
    }

    /** VisProg variable names are identifiers; only Python keywords need a change. */
    static String name(String visprogName) {
        return PYTHON_KEYWORDS.contains(visprogName) ? visprogName + "_" : visprogName;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\x%02x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('\'').toString();
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** Prints an EVAL tree as a fully parenthesised Python expression. */
    private static final class PythonPrinter implements Expr.Visitor<String, RuntimeException> {
        @Override
        public String visitLiteral(Expr.Literal literal) {
            Value v = literal.value();
            if (v instanceof TextValue t) return quote(t.text());
            if (v instanceof NumberValue n) return number(n.value());
            if (v instanceof BoolValue b) return b.value() ? "True" : "False";
            if (v == NoneValue.INSTANCE) return "None";
            throw new IllegalStateException("unexpected literal " + v);
        }

        @Override
        public String visitPlaceholder(Expr.Placeholder p) {
            return "_vp_coerce(" + name(p.name()) + ")";
        }

        @Override
        public String visitUnary(Expr.Unary u) {
            return "(" + u.operator().symbol() + (u.operator().symbol().equals("not") ? " " : "")
                    + u.operand().accept(this) + ")";
        }

        @Override
        public String visitBinary(Expr.Binary b) {
            return "(" + b.left().accept(this) + " " + b.operator().symbol() + " "
                    + b.right().accept(this) + ")";
        }

        @Override
        public String visitLogical(Expr.Logical l) {
            if (l.operator().symbol().equals("xor")) {
                return "_vp_xor(" + l.left().accept(this) + ", " + l.right().accept(this) + ")";
            }
            return "(" + l.left().accept(this) + " " + l.operator().symbol() + " "
                    + l.right().accept(this) + ")";
        }

        @Override
        public String visitConditional(Expr.Conditional c) {
            return "(" + c.whenTrue().accept(this) + " if " + c.condition().accept(this) + " else "
                    + c.whenFalse().accept(this) + ")";
        }
    }
}
