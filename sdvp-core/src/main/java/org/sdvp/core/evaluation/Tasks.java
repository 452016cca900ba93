package org.sdvp.core.evaluation;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.sdvp.core.io.DataException;

/** The tasks installed on the class path, by name. */
public final class Tasks {
    private Tasks() {}

    public static Map<String, Task> installed() {
        Map<String, Task> byName = new TreeMap<>();
        for (TaskProvider p : ServiceLoader.load(TaskProvider.class)) {
            for (Task t : p.tasks()) byName.put(t.name(), t);
        }
        return byName;
    }

    /** @throws DataException for an unknown name, listing the known ones */
    public static Task find(String name) throws DataException {
        Map<String, Task> all = installed();
        Task t = all.get(name);
        if (t == null) {
            throw new DataException("unknown task '" + name + "'; known tasks: " + String.join(", ", all.keySet()));
        }
        return t;
    }
}
