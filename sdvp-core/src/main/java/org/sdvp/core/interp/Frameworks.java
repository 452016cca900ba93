package org.sdvp.core.interp;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.sdvp.core.io.DataException;

/** The frameworks installed on the class path, by name. */
public final class Frameworks {
    private Frameworks() {}

    public static Map<String, FrameworkProvider> installed() {
        Map<String, FrameworkProvider> byName = new TreeMap<>();
        for (FrameworkProvider p : ServiceLoader.load(FrameworkProvider.class)) byName.put(p.name(), p);
        return byName;
    }

    /** @throws DataException for an unknown name, listing the installed ones */
    public static Framework create(String name) throws DataException {
        FrameworkProvider p = installed().get(name);
        if (p == null) {
            throw new DataException("unknown framework '" + name + "'; installed: "
                    + String.join(", ", installed().keySet()));
        }
        return p.create();
    }
}
