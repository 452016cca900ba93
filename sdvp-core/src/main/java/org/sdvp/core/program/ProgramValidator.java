package org.sdvp.core.program;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sdvp.core.expr.Expr;
import org.sdvp.core.expr.Expression;
import org.sdvp.core.expr.ExpressionSyntaxException;
import org.sdvp.core.module.ModuleRegistry;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepModule;
import org.sdvp.core.module.steps.EvalModule;
import org.sdvp.core.value.ValueType;

/**
 * Checks a parsed program against the modules it calls, before anything runs: module names, argument
 * names, required arguments, definedness of variables (in program order) and static types. A variable's
 * static type is the {@link StepModule#resultType()} of the step that assigned it most recently.
 *
 * <p>Every problem is collected; after an unknown module its output still counts as assigned (of unknown
 * type) so that one typo does not produce an error on every later line.
 */
final class ProgramValidator {
    private final ModuleRegistry registry;

    ProgramValidator(ModuleRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param program the parsed program
     * @param initial the variables defined before the first step, with their types
     * @param broken  variables assigned on lines the parser rejected: defined, type unknown
     * @return every problem found, in program order
     */
    List<ProgramError> validate(Program program, Map<String, ValueType> initial, Set<String> broken) {
        List<ProgramError> errors = new ArrayList<>();
        String[] lines = ProgramParser.lines(program.source());
        Map<String, ValueType> types = new HashMap<>(initial);
        for (String name : broken) types.putIfAbsent(name, ValueType.ANY);
        Map<String, Integer> firstAssigned = new HashMap<>();
        for (Step step : program.steps()) firstAssigned.putIfAbsent(step.output(), step.line());

        for (Step step : program.steps()) {
            StepChecker checker = new StepChecker(step, types, firstAssigned, lines, errors);
            Optional<StepModule> module = registry.find(step.module());
            if (module.isPresent()) {
                checker.checkSignature(module.get());
            } else {
                errors.add(checker.error(step.moduleColumn(), step.module(), unknownModule(step.module())));
                checker.checkVariablesOnly();
            }
            types.put(step.output(), module.map(StepModule::resultType).orElse(ValueType.ANY));
        }
        return errors;
    }

    private String unknownModule(String name) {
        List<String> near = Suggestions.nearest(name, registry.names());
        String hint = near.isEmpty()
                ? "known modules: " + String.join(", ", registry.names()) + "."
                : "did you mean " + Suggestions.alternatives(near) + "?";
        return "Unknown module '" + name + "'; " + hint;
    }

    /** The checks of one step; holds what every check needs so the methods stay short. */
    private static final class StepChecker {
        private final Step step;
        private final Map<String, ValueType> types;
        private final Map<String, Integer> firstAssigned;
        private final String[] lines;
        private final List<ProgramError> errors;

        StepChecker(
                Step step,
                Map<String, ValueType> types,
                Map<String, Integer> firstAssigned,
                String[] lines,
                List<ProgramError> errors) {
            this.step = step;
            this.types = types;
            this.firstAssigned = firstAssigned;
            this.lines = lines;
            this.errors = errors;
        }

        void checkSignature(StepModule module) {
            Map<String, Param> params = new LinkedHashMap<>();
            for (Param p : module.params()) params.put(p.name(), p);
            Set<String> seen = new HashSet<>();
            for (Arg arg : step.args()) {
                Param param = params.get(arg.name());
                if (!seen.add(arg.name())) {
                    errors.add(error(arg.column(), step.module(), "Duplicate argument '" + arg.name() + "'."));
                } else if (param == null) {
                    String expected = String.join(", ", params.keySet());
                    errors.add(error(
                            arg.column(),
                            step.module(),
                            "Unknown argument '" + arg.name() + "'; "
                                    + (expected.isEmpty()
                                            ? "it takes no arguments."
                                            : "expected one of: " + expected + ".")));
                    checkDefined(arg);
                } else {
                    checkValue(param, arg);
                    if (module.name().equals(EvalModule.NAME)
                            && param.name().equals(EvalModule.EXPR)
                            && arg.value() instanceof ArgValue.Str expr) {
                        checkExpression(arg, expr.text());
                    }
                }
            }
            for (Param p : module.params()) {
                if (p.required() && !seen.contains(p.name())) {
                    errors.add(
                            error(step.moduleColumn(), step.module(), "Missing required argument '" + p.name() + "'."));
                }
            }
        }

        void checkVariablesOnly() {
            for (Arg arg : step.args()) checkDefined(arg);
        }

        private void checkValue(Param param, Arg arg) {
            ArgValue value = arg.value();
            if (value instanceof ArgValue.VarRef ref) {
                if (!checkDefined(arg)) return;
                ValueType actual = types.get(ref.name());
                if (!param.type().accepts(actual)) {
                    errors.add(error(
                            arg.valueColumn(),
                            step.module(),
                            "Argument '" + param.name() + "' expects "
                                    + param.type().describe() + " but '" + ref.name() + "' is " + actual.describe()
                                    + "."));
                }
            } else if (value instanceof ArgValue.None) {
                if (param.required()) {
                    errors.add(error(
                            arg.valueColumn(),
                            step.module(),
                            "Argument '" + param.name() + "' is required and cannot be None."));
                }
            } else {
                ValueType actual = value instanceof ArgValue.Str ? ValueType.TEXT : ValueType.NUMBER;
                if (!param.type().accepts(actual)) {
                    errors.add(error(
                            arg.valueColumn(),
                            step.module(),
                            "Argument '" + param.name() + "' expects "
                                    + param.type().describe() + " but got " + actual.describe() + "."));
                }
            }
        }

        /** Reports a variable argument that is not assigned yet; true if it is defined (or not a variable). */
        private boolean checkDefined(Arg arg) {
            if (!(arg.value() instanceof ArgValue.VarRef ref)) return true;
            String problem = undefined(ref.name(), "");
            if (problem == null) return true;
            errors.add(error(arg.valueColumn(), ref.name(), problem));
            return false;
        }

        private void checkExpression(Arg arg, String text) {
            Expression expression;
            try {
                expression = Expression.parse(text);
            } catch (ExpressionSyntaxException e) {
                errors.add(error(columnInside(arg, e.column()), e.near(), "Malformed EVAL expression: " + e.reason()));
                return;
            }
            for (Expr.Placeholder use : expression.placeholderUses()) {
                String problem = undefined(use.name(), " in EVAL expression");
                if (problem != null) errors.add(error(columnInside(arg, use.column()), use.name(), problem));
            }
        }

        /** Null if {@code name} is defined here, else the message. */
        private String undefined(String name, String where) {
            if (types.containsKey(name)) return null;
            Integer later = firstAssigned.get(name);
            if (later != null && later >= step.line()) {
                return "Variable '" + name + "' is used" + where + " before it is assigned (line " + later + ").";
            }
            return "Undefined variable '" + name + "'" + where + ".";
        }

        /** The source column of 1-based column {@code exprColumn} of the string argument {@code arg}. */
        private int columnInside(Arg arg, int exprColumn) {
            int lineIndex = step.line() - 1;
            if (arg.valueColumn() <= 0 || lineIndex < 0 || lineIndex >= lines.length) return arg.column();
            return ProgramScanner.sourceIndex(lines[lineIndex], arg.valueColumn() - 1, exprColumn - 1) + 1;
        }

        ProgramError error(int column, String near, String message) {
            return new ProgramError(step.line(), column, near, message);
        }
    }
}
