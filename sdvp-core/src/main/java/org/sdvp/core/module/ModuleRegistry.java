package org.sdvp.core.module;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The modules a program may call, by name. Immutable and thread-safe. */
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

    public static ModuleRegistry of(List<StepModule> modules) { return new ModuleRegistry(modules); }

    /** Every module this project implements (VisProg's GQA, NLVR, knowledge-tagging and image-editing sets), as VisProg means them. */
    public static ModuleRegistry standard() { return standard(ModuleOptions.DEFAULT); }

    /** Every module this project implements, with the given meanings. */
    public static ModuleRegistry standard(ModuleOptions options) {
        return of(org.sdvp.core.module.steps.StandardModules.all(options));
    }

    public Optional<StepModule> find(String name) { return Optional.ofNullable(byName.get(name)); }

    public Collection<StepModule> modules() { return byName.values(); }

    public java.util.Set<String> names() { return byName.keySet(); }
}
