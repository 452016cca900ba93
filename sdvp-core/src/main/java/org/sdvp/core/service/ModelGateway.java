package org.sdvp.core.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdvp.core.value.Detection;

/**
 * How modules reach models: one {@link BatchingDispatcher} per available {@link ServiceKind}, shared by
 * every program of a run. Closing it stops the dispatchers, not the backends.
 */
public final class ModelGateway implements AutoCloseable {
    /**
     * Default largest batch. The student's cost per crop still falls between batch 32 and 64 on one CPU thread
     * ({@code org.sdvp.models.bench.BatchCurve}, docs/performance.md); with {@code --concurrency 16} batches
     * rarely reach it anyway.
     */
    public static final int DEFAULT_MAX_BATCH = 64;

    private final ModelServices services;
    private final BatchingDispatcher<LocRequest, List<Detection>> loc;
    private final BatchingDispatcher<VqaRequest, VqaAnswer> vqa;
    private final BatchingDispatcher<MatchRequest, Double> match;

    public ModelGateway(ModelServices services, int maxBatch) {
        this.services = services;
        this.loc = services.loc()
                .map(s -> new BatchingDispatcher<>("loc", s, maxBatch, 0))
                .orElse(null);
        this.vqa = services.vqa()
                .map(s -> new BatchingDispatcher<>("vqa", s, maxBatch, 0))
                .orElse(null);
        this.match = services.match()
                .map(s -> new BatchingDispatcher<>("match", s, maxBatch, 0))
                .orElse(null);
    }

    public ModelGateway(ModelServices services) {
        this(services, DEFAULT_MAX_BATCH);
    }

    public String name() {
        return services.name();
    }

    /** The editing and knowledge backends, called directly (not batched). */
    public ToolServices tools() {
        return services.tools();
    }

    public Optional<BatchingDispatcher<LocRequest, List<Detection>>> loc() {
        return Optional.ofNullable(loc);
    }

    public Optional<BatchingDispatcher<VqaRequest, VqaAnswer>> vqa() {
        return Optional.ofNullable(vqa);
    }

    public Optional<BatchingDispatcher<MatchRequest, Double>> match() {
        return Optional.ofNullable(match);
    }

    /** Total model batches run and requests answered, for throughput reports. */
    public long[] batchesAndRequests() {
        long b = 0, r = 0;
        for (BatchingDispatcher<?, ?> d : new BatchingDispatcher<?, ?>[] {loc, vqa, match}) {
            if (d != null) {
                b += d.batchCount();
                r += d.requestCount();
            }
        }
        return new long[] {b, r};
    }

    /** Counters per service kind present ({@code loc}, {@code vqa}, {@code match}), in that order. */
    public Map<String, DispatchStats> stats() {
        Map<String, DispatchStats> out = new LinkedHashMap<>();
        if (loc != null) out.put("loc", loc.stats());
        if (vqa != null) out.put("vqa", vqa.stats());
        if (match != null) out.put("match", match.stats());
        return out;
    }

    @Override
    public void close() {
        if (loc != null) loc.close();
        if (vqa != null) vqa.close();
        if (match != null) match.close();
    }
}
