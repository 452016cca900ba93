package org.sdvp.core.interp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sdvp.core.module.ModuleRegistry;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.module.StepModule;
import org.sdvp.core.module.steps.StandardModules;
import org.sdvp.core.program.Arg;
import org.sdvp.core.program.ArgValue;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.program.Program;
import org.sdvp.core.program.Programs;
import org.sdvp.core.program.Step;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.trace.StepRecord;
import org.sdvp.core.trace.Trace;
import org.sdvp.core.value.NoneValue;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;

/**
 * Runs validated VisProg programs step by step, recording each step. Stateless and thread-safe: the
 * variables of a run live on its stack.
 */
public final class VisProgInterpreter implements Framework {
    private final ModuleRegistry registry;

    public VisProgInterpreter(ModuleRegistry registry) {
        this.registry = registry;
    }

    public VisProgInterpreter() {
        this(StandardModules.registry());
    }

    public ModuleRegistry registry() {
        return registry;
    }

    @Override
    public String name() {
        return "visprog";
    }

    @Override
    public void check(String source, Set<String> initialVariables) throws InvalidProgramException {
        Programs.parse(source, registry, initialVariables);
    }

    @Override
    public Execution execute(String source, Map<String, Value> initial, ModelGateway gateway)
            throws InvalidProgramException {
        return run(Programs.parse(source, registry, initial.keySet()), initial, gateway);
    }

    /** Runs an already validated program. */
    public Execution run(Program program, Map<String, Value> initial, ModelGateway gateway) {
        Map<String, Value> vars = new HashMap<>(initial);
        List<StepRecord> records = new ArrayList<>(program.steps().size());
        Value last = null;
        for (int i = 0; i < program.steps().size(); i++) {
            Step step = program.steps().get(i);
            StepModule module = registry.find(step.module())
                    .orElseThrow(() ->
                            new IllegalStateException("program was not validated: unknown module " + step.module()));
            Map<String, Value> args = resolve(step, vars);
            StepContext ctx = new StepContext(vars, gateway);
            long start = System.nanoTime();
            try {
                Value out = module.execute(args, ctx);
                long micros = (System.nanoTime() - start) / 1000;
                records.add(new StepRecord(
                        i,
                        step.line(),
                        step.text(),
                        step.module(),
                        step.output(),
                        args,
                        Optional.of(out),
                        ctx.calls(),
                        micros,
                        Optional.empty(),
                        ctx.tools()));
                vars.put(step.output(), out);
                last = out;
            } catch (StepException | RuntimeException e) {
                long micros = (System.nanoTime() - start) / 1000;
                String message = e instanceof StepException ? e.getMessage() : "internal error: " + e;
                records.add(new StepRecord(
                        i,
                        step.line(),
                        step.text(),
                        step.module(),
                        step.output(),
                        args,
                        Optional.empty(),
                        ctx.calls(),
                        micros,
                        Optional.of(message),
                        ctx.tools()));
                Trace trace = new Trace(program.source(), initial, records);
                return new Execution(
                        Optional.empty(),
                        trace,
                        Optional.of(new StepFailure(i, step.line(), step.module(), message, StepFailure.reasonOf(e))));
            }
        }
        return new Execution(
                Optional.ofNullable(last), new Trace(program.source(), initial, records), Optional.empty());
    }

    private static Value literalOrVariable(ArgValue value, Map<String, Value> vars) {
        // instanceof, not a pattern switch: switch patterns are a preview feature on Java 17
        if (value instanceof ArgValue.VarRef r) return vars.get(r.name());
        if (value instanceof ArgValue.Str s) return new TextValue(s.text());
        if (value instanceof ArgValue.Num n) return new NumberValue(n.value());
        return NoneValue.INSTANCE;
    }

    private static Map<String, Value> resolve(Step step, Map<String, Value> vars) {
        Map<String, Value> args = new LinkedHashMap<>();
        for (Arg a : step.args()) {
            Value v = literalOrVariable(a.value(), vars);
            // Optional parameters passed as None count as omitted, as in VisProg's modules.
            if (v != null && v != NoneValue.INSTANCE) args.put(a.name(), v);
        }
        return args;
    }
}
