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

    /** A VQA service that answers with a distribution over two answers for every request. */
    private static final class Soft implements VqaDistributionService {
        @Override
        public List<VqaAnswer> apply(List<VqaRequest> batch) {
            return batch.stream().map(r -> new VqaAnswer("red", 0.7)).toList();
        }

        @Override
        public List<Map<String, Double>> distributions(List<VqaRequest> batch) {
            return batch.stream().map(r -> Map.of("red", 0.7, "blue", 0.3)).toList();
        }

        @Override
        public boolean covers(VqaRequest r) {
            return r.question().contains("color");
        }
    }

    @Test
    void aChainKeepsEachBackendsAnswerDistributionsForTheCallsItAnswers() throws Exception {
        Map<String, ModelServiceProvider> withSoft = Map.of(
                "soft",
                new ModelServiceProvider() {
                    @Override
                    public String name() {
                        return "soft";
                    }

                    @Override
                    public String usage() {
                        return "soft";
                    }

                    @Override
                    public ModelServices create(String argument, ProviderContext context) {
                        return ModelServices.builder("soft").vqa(new Soft()).build();
                    }
                },
                "vlm",
                new Named("vlm", null));
        try (ModelServices s = ModuleSpec.parse("soft,vlm:s").load(ProviderContext.empty(), withSoft)) {
            var image = FakeModels.image("a.png", 8, 8);
            List<VqaRequest> batch = List.of(
                    new VqaRequest(image, "What shape is it?"),
                    new VqaRequest(image, "What color is it?"),
                    new VqaRequest(image, "How many?"));
            // a teacher chain labels with the first covering backend's whole distribution, one-hot for the others
            assertEquals(
                    List.of(Map.of("vlm:s", 1.0), Map.of("red", 0.7, "blue", 0.3), Map.of("vlm:s", 1.0)),
                    VqaDistributionService.distributions(s.vqa().orElseThrow(), batch));
            assertEquals(
                    List.of("vlm:s", "red", "vlm:s"),
                    s.vqa().orElseThrow().apply(batch).stream()
                            .map(VqaAnswer::answer)
                            .toList());
        }
    }
}
