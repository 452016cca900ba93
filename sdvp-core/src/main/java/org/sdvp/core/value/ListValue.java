package org.sdvp.core.value;

import java.util.List;
import java.util.stream.Collectors;

public record ListValue(List<Value> items) implements Value {
    public ListValue {
        items = List.copyOf(items);
    }

    @Override
    public ValueType type() {
        return ValueType.LIST;
    }

    @Override
    public String display() {
        return items.stream().map(Value::display).collect(Collectors.joining(", ", "[", "]"));
    }
}
