package org.sdvp.models.vlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.ModelServiceProvider;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ModuleSpec;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.models.ToyWorld;
import org.sdvp.models.checkpoint.Provenance;
import org.sdvp.models.train.SubTaskSet;

class ProvidersTest {
    @Test
    void vlmAndTeacherAreInstalledProviders() {
        Map<String, ModelServiceProvider> p = ModuleSpec.installedProviders();
        assertTrue(p.containsKey("vlm") && p.containsKey("teacher"), p.keySet().toString());
    }

    @Test
    void aModulesSpecLoadsAStudentCheckpoint(@TempDir Path tmp) throws Exception {
        SubTaskSet data = ToyWorld.data(4, 2);
        try (VlmModel vlm = TinyVlm.create(data, 2)) {
            vlm.save(
                    tmp.resolve("s"),
                    Provenance.of(
                            "test",
                            "general",
                            2,
                            Json.mapper().createObjectNode(),
                            "x",
                            1,
                            Json.mapper().createObjectNode(),
                            Map.of(),
                            null));
        }
        try (ModelServices s = ModuleSpec.parse("vlm:" + tmp.resolve("s")).load(ProviderContext.empty())) {
            assertTrue(s.vqa().isPresent() && s.match().isPresent() && s.loc().isPresent());
            assertEquals("vlm:" + tmp.resolve("s"), s.name());
        }
        BackendException e = assertThrows(
                BackendException.class, () -> ModuleSpec.parse("vlm:").load(ProviderContext.empty()));
        assertTrue(e.getMessage().contains("vlm:DIR"), e.getMessage());
    }
}
