package org.sdvp.viper.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides from a program's tokens whether it may share a pooled context with later programs: only if it
 * cannot reach interpreter state that outlives it. Conservative by construction: anything it is unsure
 * about (an odd token, an attribute left of an {@code =}) counts as a reason, which only costs the program
 * its pooled context (the context is closed after it), never its run. The after-program state check in
 * {@code session.py} is the independent second line.
 *
 * <p>A program passes when it has:
 * <ul>
 *   <li>no identifier starting with {@code _} (so no {@code __globals__}, {@code __dict__},
 *       {@code __class__}, {@code __builtins__}, {@code _API}, ...) except the translator's {@code _vp_}
 *       helpers used by name;</li>
 *   <li>no reflective or code-running builtin by name ({@code getattr}, {@code setattr}, {@code vars},
 *       {@code globals}, {@code eval}, {@code exec}, {@code compile}, {@code open}, ...), anywhere;</li>
 *   <li>no attribute that leads to frames, code or registries ({@code f_*}, {@code gi_*}, {@code co_*},
 *       {@code tb_*}, {@code register}, {@code mro}, ...);</li>
 *   <li>no attribute as an assignment, deletion, loop or {@code with} target;</li>
 *   <li>imports only of {@link #IMPORTS} (stateless modules the session loads in advance);</li>
 *   <li>no coroutine, and no generator with cleanup code ({@code yield} with {@code try}/{@code with}),
 *       which could run later, during another program.</li>
 * </ul>
 * The identifiers inside f-strings are screened too (their text is scanned as code). Stateless; thread-safe.
 */
final class ProgramScreen {
    /** Modules a pooled program may import: stateless, or with only caches that cannot change a result. */
    static final Set<String> IMPORTS = Set.of(
            "math", "cmath", "itertools", "functools", "operator", "string", "re", "collections", "collections.abc");

    private static final Set<String> REFLECTIVE = Set.of(
            "getattr",
            "setattr",
            "delattr",
            "vars",
            "globals",
            "locals",
            "eval",
            "exec",
            "compile",
            "open",
            "breakpoint",
            "input",
            "help",
            "exit",
            "quit",
            "memoryview",
            "async",
            "await");
    private static final Set<String> ATTRIBUTES = Set.of("register", "mro", "format_map", "with_traceback");
    private static final List<String> ATTRIBUTE_PREFIXES =
            List.of("f_", "gi_", "cr_", "ag_", "tb_", "co_", "func_", "im_");
    private static final Pattern HELPER = Pattern.compile("_vp_[a-z]+");
    private static final Set<String> ASSIGN =
            Set.of("=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^=", "@=");

    private ProgramScreen() {}

    /** Empty when the program may share its context; otherwise the first reason it may not. */
    static Optional<String> check(String source) {
        List<Problem> all = problems(source);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).reason());
    }

    /** Why a program may not share its context, and on which line (1-based; 0 if unknown). */
    record Problem(int line, String reason) {}

    /**
     * Every reason the program may not share its context, with its line, in order (one per statement and
     * per offending name). The static check of generated programs reports them all.
     */
    static List<Problem> problems(String source) {
        List<String> tokens;
        List<Integer> lines = new ArrayList<>();
        try {
            tokens = Tokens.of(source, lines);
        } catch (IllegalArgumentException e) {
            return List.of(new Problem(0, "unreadable: " + e.getMessage()));
        }
        List<Problem> out = new ArrayList<>();
        boolean yield = false, cleanup = false;
        int yieldLine = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (!Tokens.isName(t)) continue;
            int line = lines.get(i);
            boolean attribute = i > 0 && tokens.get(i - 1).equals(".");
            if (t.startsWith("_") && (attribute || !HELPER.matcher(t).matches()))
                out.add(new Problem(line, "name " + t));
            else if (REFLECTIVE.contains(t)) out.add(new Problem(line, "builtin " + t));
            else if (attribute
                    && (ATTRIBUTES.contains(t) || ATTRIBUTE_PREFIXES.stream().anyMatch(t::startsWith))) {
                out.add(new Problem(line, "attribute " + t));
            }
            if (t.equals("yield") && !yield) {
                yield = true;
                yieldLine = line;
            }
            if (t.equals("try") || t.equals("with") || t.equals("finally")) cleanup = true;
        }
        if (yield && cleanup) out.add(new Problem(yieldLine, "generator with cleanup code"));
        int start = 0;
        for (List<String> statement : statements(tokens)) {
            while (start < tokens.size()
                    && (tokens.get(start).equals("\n") || tokens.get(start).equals(";"))) start++;
            int line = start < lines.size() ? lines.get(start) : 0;
            statement(statement).ifPresent(r -> out.add(new Problem(line, r)));
            start += statement.size();
        }
        out.sort(java.util.Comparator.comparingInt(Problem::line));
        return out;
    }

    private static Optional<String> reason(String why) {
        return Optional.of(why);
    }

    /** Logical lines: split at newlines and ';' outside brackets. */
    private static List<List<String>> statements(List<String> tokens) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        int depth = 0;
        for (String t : tokens) {
            if (t.equals("(") || t.equals("[") || t.equals("{")) depth++;
            if (t.equals(")") || t.equals("]") || t.equals("}")) depth = Math.max(0, depth - 1);
            if (depth == 0 && (t.equals("\n") || t.equals(";"))) {
                if (!cur.isEmpty()) out.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(t);
            }
        }
        if (!cur.isEmpty()) out.add(cur);
        return out;
    }

    private static Optional<String> statement(List<String> s) {
        String first = s.get(0);
        if (first.equals("import")) {
            for (String module : importedModules(s.subList(1, s.size()))) {
                if (!IMPORTS.contains(module)) return reason("import " + module);
            }
        }
        if (first.equals("from")) {
            StringBuilder module = new StringBuilder();
            for (int i = 1; i < s.size() && !s.get(i).equals("import"); i++) module.append(s.get(i));
            if (!IMPORTS.contains(module.toString())) return reason("import from " + module);
        }
        if (first.equals("del") && s.contains(".")) return reason("attribute deletion");
        // Everything left of the last top-level assignment operator is a target (conservatively so).
        int depth = 0, lastAssign = -1;
        for (int i = 0; i < s.size(); i++) {
            String t = s.get(i);
            if (t.equals("(") || t.equals("[") || t.equals("{")) depth++;
            if (t.equals(")") || t.equals("]") || t.equals("}")) depth = Math.max(0, depth - 1);
            if (depth == 0 && ASSIGN.contains(t)) lastAssign = i;
        }
        if (lastAssign > 0 && attributeIn(s, 0, lastAssign)) return reason("attribute assignment");
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i).equals("for")) {
                int end = i + 1;
                while (end < s.size() && !s.get(end).equals("in")) end++;
                if (attributeIn(s, i + 1, end)) return reason("attribute as a loop target");
            }
            if (s.get(i).equals("as") && i + 2 < s.size() && s.get(i + 2).equals(".")) {
                return reason("attribute as a with target");
            }
        }
        return Optional.empty();
    }

    private static boolean attributeIn(List<String> s, int from, int to) {
        for (int i = from; i < to; i++) if (s.get(i).equals(".")) return true;
        return false;
    }

    /** {@code a.b as c, d} → {@code a.b}, {@code d}. */
    private static List<String> importedModules(List<String> s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean alias = false;
        for (String t : s) {
            if (t.equals(",")) {
                out.add(cur.toString());
                cur.setLength(0);
                alias = false;
            } else if (t.equals("as")) {
                alias = true;
            } else if (!alias && !t.equals("(") && !t.equals(")")) {
                cur.append(t);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /**
     * A small Python tokenizer: names, numbers, operators (longest match), brackets, "\n" for line ends;
     * strings and comments dropped, except that the text of an f-string is tokenized as code.
     */
    static final class Tokens {
        private static final List<String> OPERATORS = List.of(
                "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "**", "//", ">>", "<<", "+=",
                "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=");

        private Tokens() {}

        static boolean isName(String t) {
            return !t.isEmpty() && (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_' || t.charAt(0) > 127);
        }

        static List<String> of(String src) {
            return of(src, new ArrayList<>());
        }

        /** The tokens, and in {@code lines} the 1-based line each starts on. */
        static List<String> of(String src, List<Integer> lines) {
            List<String> out = new ArrayList<>();
            List<Integer> offsets = new ArrayList<>();
            scan(src, out, offsets, 0);
            int line = 1, at = 0;
            for (int offset : offsets) {
                for (; at < offset && at < src.length(); at++) if (src.charAt(at) == '\n') line++;
                lines.add(line);
            }
            return out;
        }

        private static void scan(String src, List<String> out, List<Integer> offsets, int base) {
            int i = 0, n = src.length();
            while (i < n) {
                char c = src.charAt(i);
                if (c == '\n') {
                    add(out, offsets, "\n", base + i);
                    i++;
                    continue;
                }
                if (c == '\\' && i + 1 < n && (src.charAt(i + 1) == '\n' || src.charAt(i + 1) == '\r')) {
                    i += 2;
                    continue;
                }
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                if (c == '#') {
                    while (i < n && src.charAt(i) != '\n') i++;
                    continue;
                }
                if (Character.isLetter(c) || c == '_' || c > 127) {
                    int j = i;
                    while (j < n
                            && (Character.isLetterOrDigit(src.charAt(j))
                                    || src.charAt(j) == '_'
                                    || src.charAt(j) > 127)) j++;
                    String word = src.substring(i, j);
                    if (j < n && (src.charAt(j) == '\'' || src.charAt(j) == '"') && isPrefix(word)) {
                        i = string(src, j, word.toLowerCase().contains("f"), out, offsets, base);
                    } else {
                        add(out, offsets, word, base + i);
                        i = j;
                    }
                    continue;
                }
                if (c == '\'' || c == '"') {
                    i = string(src, i, false, out, offsets, base);
                    continue;
                }
                if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1)))) {
                    int j = i;
                    while (j < n
                            && (Character.isLetterOrDigit(src.charAt(j))
                                    || src.charAt(j) == '.'
                                    || src.charAt(j) == '_'
                                    || ((src.charAt(j) == '+' || src.charAt(j) == '-')
                                            && (src.charAt(j - 1) == 'e' || src.charAt(j - 1) == 'E')))) j++;
                    add(out, offsets, "0", base + i);
                    i = j;
                    continue;
                }
                String op = null;
                for (String o : OPERATORS)
                    if (src.startsWith(o, i)) {
                        op = o;
                        break;
                    }
                if (op == null) op = String.valueOf(c);
                add(out, offsets, op, base + i);
                i += op.length();
            }
        }

        private static void add(List<String> out, List<Integer> offsets, String token, int offset) {
            out.add(token);
            offsets.add(offset);
        }

        private static boolean isPrefix(String w) {
            String p = w.toLowerCase();
            return p.length() <= 2 && p.chars().allMatch(ch -> ch == 'r' || ch == 'b' || ch == 'u' || ch == 'f');
        }

        /** Skips the string at {@code i}; an f-string's text is tokenized as code. Returns the end. */
        private static int string(
                String src, int i, boolean fString, List<String> out, List<Integer> offsets, int base) {
            char q = src.charAt(i);
            boolean triple = src.startsWith(String.valueOf(q).repeat(3), i);
            String close = triple ? String.valueOf(q).repeat(3) : String.valueOf(q);
            int j = i + close.length();
            while (j < src.length() && !src.startsWith(close, j)) {
                if (src.charAt(j) == '\\') j++;
                else if (!triple && src.charAt(j) == '\n') throw new IllegalArgumentException("unterminated string");
                j++;
            }
            if (j >= src.length()) throw new IllegalArgumentException("unterminated string");
            if (fString) {
                // Its names and dots are screened like code (literal text may add some: conservative). Its
                // brackets and operators are not kept, so it cannot unbalance the statement structure.
                List<String> inner = new ArrayList<>();
                scan(
                        src.substring(i + close.length(), j)
                                .replace('\n', ' ')
                                .replace('\'', ' ')
                                .replace('"', ' '),
                        inner,
                        new ArrayList<>(),
                        0);
                for (String t : inner) if (isName(t) || t.equals(".")) add(out, offsets, t, base + i);
            }
            add(out, offsets, "''", base + i);
            return j + close.length();
        }
    }
}
