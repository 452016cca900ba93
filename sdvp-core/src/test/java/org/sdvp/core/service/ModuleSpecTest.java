package org.sdvp.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdvp.core.testing.FakeModels;

class ModuleSpecTest {

    /** A provider whose VQA service answers with its name, covering only questions containing {@code covers}. */
    private record Named(String name, String covers) implements ModelServiceProvider {
        @Override
        public String usage() {
            return name + ":DIR";
        }

        @Override
        public ModelServices create(String argument, ProviderContext context) {
            return ModelServices.builder(name)
                    .vqa(new ModelService<>() {
                        @Override
                        public List<VqaAnswer> apply(List<VqaRequest> batch) {
                            return batch.stream()
                                    .map(r -> new VqaAnswer(name + ":" + argument, 1))
                                    .toList();
                        }

                        @Override
                        public boolean covers(VqaRequest r) {
                            return covers == null || r.question().contains(covers);
                        }
                    })
                    .build();
        }
    }

    private final Map<String, ModelServiceProvider> providers =
            Map.of("teacher", new Named("teacher", "color"), "vlm", new Named("vlm", null));

    @Test
    void entriesAreParsedInOrderWithTheirArguments() throws Exception {
        ModuleSpec spec = ModuleSpec.parse("teacher:runs/t, vlm:runs/s");
        assertEquals(
                List.of(new ModuleSpec.Entry("teacher", "runs/t"), new ModuleSpec.Entry("vlm", "runs/s")),
                spec.entries());
    }

    @Test
    void theFirstBackendCoveringACallAnswersIt() throws Exception {
        try (ModelServices s = ModuleSpec.parse("teacher:t,vlm:s").load(ProviderContext.empty(), providers)) {
            var image = FakeModels.image("a.png", 8, 8);
            List<VqaAnswer> answers = s.vqa()
                    .orElseThrow()
                    .apply(List.of(
                            new VqaRequest(image, "What color is it?"), new VqaRequest(image, "What shape is it?")));
            assertEquals(
                    List.of("teacher:t", "vlm:s"),
                    answers.stream().map(VqaAnswer::answer).toList());
        }
    }

    @Test
    void anUnknownBackendListsTheKnownOnes() {
        BackendException e = assertThrows(
                BackendException.class, () -> ModuleSpec.parse("vml:runs/s").load(ProviderContext.empty(), providers));
        assertEquals(
                "unknown backend 'vml' in --modules 'vml:runs/s'; known: teacher:DIR, vlm:DIR",
                e.getMessage().replace("vlm:DIR, teacher:DIR", "teacher:DIR, vlm:DIR"));
    }

    @Test
    void aCallNoBackendCoversIsAnError() throws Exception {
        try (ModelServices s = ModuleSpec.parse("teacher:t,teacher:u").load(ProviderContext.empty(), providers)) {
            var image = FakeModels.image("a.png", 8, 8);
            assertThrows(
                    ModelServiceException.class,
                    () -> s.vqa().orElseThrow().apply(List.of(new VqaRequest(image, "How many?"))));
        }
    }
}
