package org.sdvp.data.gqa;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;

/**
 * One step of a GQA {@code semantic} program: {@code {"operation": "filter color", "argument": "white",
 * "dependencies": [0]}}.
 *
 * @param operation    the operation, with its attribute where it has one ({@code verify rel}, {@code query})
 * @param argument     the argument text ({@code "car (123)"}, {@code "_,on,s (77)"}, {@code "red|blue"})
 * @param dependencies indices of earlier steps whose results this step reads
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GqaOperation(String operation, String argument, List<Integer> dependencies) {
    public GqaOperation {
        operation = operation == null ? "" : operation.strip();
        argument = argument == null ? "" : argument.strip();
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }

    /** The operation's first word: {@code filter} for {@code filter color}. */
    public String verb() {
        int space = operation.indexOf(' ');
        return (space < 0 ? operation : operation.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    /** The attribute after the verb ({@code color} for {@code filter color}), or empty. */
    public String attribute() {
        int space = operation.indexOf(' ');
        return space < 0 ? "" : operation.substring(space + 1).strip().toLowerCase(Locale.ROOT);
    }

    /** The argument without its trailing object id: {@code "car"} for {@code "car (123)"} or {@code "car (-)"}. */
    public String argumentWithoutId() {
        return argument.replaceAll("\\s*\\([-0-9, ]*\\)\\s*$", "").strip();
    }
}
