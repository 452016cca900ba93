package org.sdvp.core.module;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The modules a program may call, by name. Immutable and thread-safe. The project's own set is
 * {@link org.sdvp.core.module.steps.StandardModules#registry()}.
 */
public final class ModuleRegistry {
    private final Map<String, StepModule> byName;

    private ModuleRegistry(List<StepModule> modules) {
        Map<String, StepModule> m = new LinkedHashMap<>();
        for (StepModule module : modules) {
            if (m.put(module.name(), module) != null) {
                throw new IllegalArgumentException("two modules named " + module.name());
            }
        }
        this.byName = java.util.Collections.unmodifiableMap(m);
    }

    public static ModuleRegistry of(List<StepModule> modules) {
        return new ModuleRegistry(modules);
    }

    public Optional<StepModule> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<StepModule> modules() {
        return byName.values();
    }

    public java.util.Set<String> names() {
        return byName.keySet();
    }
}
