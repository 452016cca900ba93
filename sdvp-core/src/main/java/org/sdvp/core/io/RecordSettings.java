package org.sdvp.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeSet;

/**
 * Replaces some fields of a configuration record by name ({@code learningRate=2e-3}, {@code locDilations=2,1},
 * {@code groundedPooling=false}), through its JSON form: every setting is reachable from the command line
 * without a flag per field, and the record's own constructor still validates the result. Scalar fields take
 * a number or a boolean, list fields a comma-separated list of numbers; nested records cannot be set.
 */
public final class RecordSettings {
    private RecordSettings() {}

    /**
     * @param what how the settings are called in messages ("distillation setting")
     * @throws IllegalArgumentException naming an unknown setting and the valid ones, or a bad value
     */
    public static <T> T with(T record, Class<T> type, Map<String, String> settings, String what) {
        ObjectNode node = Json.mapper().valueToTree(record);
        for (Map.Entry<String, String> e : settings.entrySet()) {
            JsonNode old = node.get(e.getKey());
            if (old == null || old.isObject()) {
                throw new IllegalArgumentException(
                        "unknown " + what + " '" + e.getKey() + "'; valid: " + String.join(", ", names(node)));
            }
            node.set(e.getKey(), parse(e.getKey(), old, e.getValue().trim()));
        }
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException ex) {
            Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
            throw new IllegalArgumentException(cause.getMessage(), ex);
        }
    }

    private static JsonNode parse(String name, JsonNode old, String value) {
        if (old.isBoolean()) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("setting " + name + ": not true or false: '" + value + "'");
            }
            return Json.mapper().getNodeFactory().booleanNode(Boolean.parseBoolean(value));
        }
        if (old.isArray()) {
            ArrayNode list = Json.mapper().createArrayNode();
            for (String part : value.split(",")) list.add(number(name, part.trim(), true));
            return list;
        }
        return number(name, value, old.isIntegralNumber());
    }

    private static JsonNode number(String name, String value, boolean integral) {
        try {
            return integral
                    ? Json.mapper().getNodeFactory().numberNode(Long.parseLong(value))
                    : Json.mapper().getNodeFactory().numberNode(Double.parseDouble(value));
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(
                    "setting " + name + ": not a " + (integral ? "whole number" : "number") + ": '" + value + "'");
        }
    }

    private static TreeSet<String> names(ObjectNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fields().forEachRemaining(f -> {
            if (!f.getValue().isObject()) names.add(f.getKey());
        });
        return names;
    }
}
