package org.sdvp.core.module.steps;

import java.util.List;
import java.util.Map;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.value.ListValue;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/**
 * {@code LIST(query='presidents of the US',max=20)}: at most {@code max} items answering the query, from
 * knowledge (the configured LLM endpoint; the world oracle knows its own attribute vocabularies). A list of
 * texts, as CLASSIFY's categories.
 */
public final class ListModule extends AbstractStepModule {
    /** Largest {@code max} accepted; VisProg's prompts use 1–20. */
    public static final int MAX_ITEMS = 100;

    public ListModule() {
        super(
                "LIST",
                ValueType.LIST,
                "at most max items answering a knowledge query (LLM)",
                Param.required("query", ValueType.TEXT),
                Param.required("max", ValueType.NUMBER));
    }

    @Override
    public Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        String query = text(args, "query").strip();
        double max = typed(args, "max", NumberValue.class).value();
        if (query.isEmpty()) throw new StepException("argument 'query' is empty");
        if (max != Math.rint(max) || max < 1 || max > MAX_ITEMS) {
            throw new StepException("argument 'max' must be a whole number from 1 to " + MAX_ITEMS + ", not " + max);
        }
        List<String> items = ctx.list(query, (int) max);
        return new ListValue(items.stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .limit((long) max)
                .map(s -> (Value) new TextValue(s))
                .toList());
    }
}
