package org.sdvp.core.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.sdvp.core.value.Detection;

/**
 * The model backends available to a run, one optional service per {@link ServiceKind}, plus a name for
 * messages and reports (the {@code --modules} spec that built them).
 */
public final class ModelServices implements AutoCloseable {
    private final String name;
    private final ModelService<LocRequest, List<Detection>> loc;
    private final ModelService<VqaRequest, VqaAnswer> vqa;
    private final ModelService<MatchRequest, Double> match;
    private final ToolServices tools;
    private final List<AutoCloseable> resources;

    private ModelServices(Builder b) {
        this.tools = b.tools;
        this.name = b.name;
        this.loc = b.loc;
        this.vqa = b.vqa;
        this.match = b.match;
        this.resources = List.copyOf(b.resources);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** No backends at all: programs with only non-model steps still run. */
    public static ModelServices none() {
        return builder("none").build();
    }

    public String name() {
        return name;
    }

    public Optional<ModelService<LocRequest, List<Detection>>> loc() {
        return Optional.ofNullable(loc);
    }

    public Optional<ModelService<VqaRequest, VqaAnswer>> vqa() {
        return Optional.ofNullable(vqa);
    }

    public Optional<ModelService<MatchRequest, Double>> match() {
        return Optional.ofNullable(match);
    }

    /** The editing and knowledge backends (SEG, REPLACE, LIST). */
    public ToolServices tools() {
        return tools;
    }

    /**
     * Chains backends: each call goes to the first backend that has a service of its kind and
     * {@linkplain ModelService#covers covers} it ({@code teacher:DIR,vlm:DIR}: the teacher answers what it
     * can, the student the rest).
     */
    public static ModelServices firstCovering(String name, List<ModelServices> chain) {
        if (chain.size() == 1) return chain.get(0);
        Builder b = builder(name);
        b.loc = route(chain, s -> s.loc);
        List<ModelService<VqaRequest, VqaAnswer>> vqa = present(chain, s -> s.vqa);
        b.vqa = vqa.isEmpty() ? null : new RoutingVqaService(vqa);
        b.match = route(chain, s -> s.match);
        b.tools = ToolServices.firstOf(chain.stream().map(s -> s.tools).toList());
        chain.forEach(s -> b.resources.add(s));
        return b.build();
    }

    private static <I, O> ModelService<I, O> route(
            List<ModelServices> chain, Function<ModelServices, ModelService<I, O>> kind) {
        List<ModelService<I, O>> present = present(chain, kind);
        return present.isEmpty() ? null : new RoutingModelService<>(present);
    }

    private static <I, O> List<ModelService<I, O>> present(
            List<ModelServices> chain, Function<ModelServices, ModelService<I, O>> kind) {
        List<ModelService<I, O>> present = new ArrayList<>();
        for (ModelServices s : chain) {
            ModelService<I, O> svc = kind.apply(s);
            if (svc != null) present.add(svc);
        }
        return present;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Builds a bundle; kinds left unset have no backend. */
    public static final class Builder {
        private final String name;
        private ModelService<LocRequest, List<Detection>> loc;
        private ModelService<VqaRequest, VqaAnswer> vqa;
        private ModelService<MatchRequest, Double> match;
        private ToolServices tools = ToolServices.none();
        private final List<AutoCloseable> resources = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder loc(ModelService<LocRequest, List<Detection>> s) {
            this.loc = s;
            return this;
        }

        public Builder vqa(ModelService<VqaRequest, VqaAnswer> s) {
            this.vqa = s;
            return this;
        }

        public Builder match(ModelService<MatchRequest, Double> s) {
            this.match = s;
            return this;
        }

        public Builder tools(ToolServices t) {
            this.tools = java.util.Objects.requireNonNull(t, "tools");
            return this;
        }

        /** Something to close with the bundle (a model, an NDManager). */
        public Builder closing(AutoCloseable resource) {
            resources.add(resource);
            return this;
        }

        public ModelServices build() {
            return new ModelServices(this);
        }
    }
}
