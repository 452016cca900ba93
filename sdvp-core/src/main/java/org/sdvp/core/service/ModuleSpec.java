package org.sdvp.core.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A parsed {@code --modules} spec: comma-separated entries {@code name[:argument]}, earlier entries
 * answering first ({@code teacher:runs/t,vlm:runs/s}).
 */
public record ModuleSpec(String text, List<Entry> entries) {

    public record Entry(String name, String argument) {}

    public ModuleSpec {
        entries = List.copyOf(entries);
    }

    public static ModuleSpec parse(String text) throws BackendException {
        List<Entry> entries = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) throw new BackendException("empty entry in --modules '" + text + "'");
            int colon = p.indexOf(':');
            entries.add(colon < 0 ? new Entry(p, "") : new Entry(p.substring(0, colon), p.substring(colon + 1)));
        }
        return new ModuleSpec(text, entries);
    }

    /** Builds the backends with the providers on the class path. */
    public ModelServices load(ProviderContext context) throws BackendException {
        return load(context, installedProviders());
    }

    public ModelServices load(ProviderContext context, Map<String, ModelServiceProvider> providers)
            throws BackendException {
        List<ModelServices> chain = new ArrayList<>();
        try {
            for (Entry e : entries) {
                ModelServiceProvider p = providers.get(e.name());
                if (p == null) {
                    throw new BackendException("unknown backend '" + e.name() + "' in --modules '" + text + "'; known: "
                            + describe(providers));
                }
                chain.add(p.create(e.argument(), context));
            }
        } catch (BackendException e) {
            for (ModelServices s : chain) {
                try {
                    s.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return ModelServices.firstCovering(text, chain);
    }

    public static Map<String, ModelServiceProvider> installedProviders() {
        Map<String, ModelServiceProvider> byName = new TreeMap<>();
        for (ModelServiceProvider p : ServiceLoader.load(ModelServiceProvider.class)) byName.put(p.name(), p);
        return byName;
    }

    private static String describe(Map<String, ModelServiceProvider> providers) {
        if (providers.isEmpty()) return "(none installed)";
        return providers.values().stream().map(ModelServiceProvider::usage).collect(Collectors.joining(", "));
    }
}
