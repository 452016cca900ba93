package org.sdvp.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchingDispatcherTest {

    /** A service that takes a while per batch, so concurrent callers queue up behind it. */
    private static final class Slow implements ModelService<Integer, Integer> {
        final List<Integer> batchSizes = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public List<Integer> apply(List<Integer> batch) {
            batchSizes.add(batch.size());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return batch.stream().map(i -> i * 10).toList();
        }
    }

    @Test
    void concurrentCallsAreAnsweredInFewerBatchesEachWithItsOwnAnswer() throws Exception {
        Slow slow = new Slow();
        int callers = 24;
        AtomicInteger wrong = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try (BatchingDispatcher<Integer, Integer> d = new BatchingDispatcher<>("t", slow, 8, 0)) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                        if (d.call(n) != n * 10) wrong.incrementAndGet();
                    } catch (Exception e) {
                        wrong.incrementAndGet();
                    }
                });
                threads.add(t);
                t.start();
            }
            start.countDown();
            for (Thread t : threads) t.join();
            assertEquals(0, wrong.get());
            assertEquals(callers, d.requestCount());
            assertTrue(d.batchCount() < callers, "batches: " + slow.batchSizes);
            assertTrue(slow.batchSizes.stream().allMatch(s -> s <= 8), "max batch respected: " + slow.batchSizes);
        }
    }

    @Test
    void aFailingBatchFailsEachOfItsCallersWithTheMessage() throws Exception {
        ModelService<Integer, Integer> broken = batch -> {
            throw new ModelServiceException("model exploded");
        };
        try (BatchingDispatcher<Integer, Integer> d = new BatchingDispatcher<>("t", broken, 4, 0)) {
            ModelServiceException e = assertThrows(ModelServiceException.class, () -> d.call(1));
            assertEquals("model exploded", e.getMessage());
        }
    }

    @Test
    void aBadRequestFailsOnlyItsOwnCallerNotTheOthersInItsBatch() throws Exception {
        CountDownLatch queued = new CountDownLatch(1);
        List<List<Integer>> batches = java.util.Collections.synchronizedList(new ArrayList<>());
        ModelService<Integer, Integer> oracle = batch -> {
            batches.add(List.copyOf(batch));
            if (batch.contains(0)) { // the first batch holds the model until the others are queued behind it
                try {
                    queued.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (int i : batch)
                if (i < 0) throw new ModelServiceException("no entry for image " + i, "wrong-field-type", null);
            return batch.stream().map(i -> i * 10).toList();
        };
        try (BatchingDispatcher<Integer, Integer> d = new BatchingDispatcher<>("t", oracle, 8, 0)) {
            Thread first = new Thread(() -> {
                try {
                    d.call(0);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            first.start();
            while (batches.isEmpty()) Thread.sleep(1);
            List<Object> answers = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> callers = new ArrayList<>();
            for (int n : new int[] {1, -1, 2}) {
                Thread t = new Thread(() -> {
                    try {
                        answers.add(d.call(n));
                    } catch (ModelServiceException e) {
                        answers.add(e.getMessage() + " / " + e.reason().orElse(""));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                callers.add(t);
                t.start();
            }
            while (d.queued() < 3) Thread.sleep(1);
            queued.countDown();
            for (Thread t : callers) t.join();
            first.join();

            assertEquals(3, answers.size());
            assertTrue(
                    answers.containsAll(List.of(10, 20, "no entry for image -1 / wrong-field-type")),
                    answers::toString);
            assertTrue(batches.stream().anyMatch(b -> b.size() == 3), "the three shared a batch: " + batches);
        }
    }

    @Test
    void aServiceReturningTheWrongNumberOfAnswersIsAnError() {
        ModelService<Integer, Integer> shortAnswer = batch -> List.of();
        try (BatchingDispatcher<Integer, Integer> d = new BatchingDispatcher<>("t", shortAnswer, 4, 0)) {
            ModelServiceException e = assertThrows(ModelServiceException.class, () -> d.call(1));
            assertEquals("model service returned 0 answers for 1 requests", e.getMessage());
        }
    }

    /** Records which thread prepared each request and hands the preparation on. */
    private static final class Preparing implements ModelService<Integer, String> {
        final List<String> preparedOn = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public Object prepare(Integer request) {
            preparedOn.add(Thread.currentThread().getName());
            return "p" + request;
        }

        @Override
        public List<String> apply(List<Integer> batch) {
            throw new AssertionError("the prepared form must be used");
        }

        @Override
        public List<String> apply(List<Integer> batch, List<Object> prepared) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) out.add(prepared.get(i) + "=" + batch.get(i));
            return out;
        }
    }

    @Test
    void preparationRunsOnTheCallersThreadAndReachesTheBatchAndTheCountersAddUp() throws Exception {
        Preparing svc = new Preparing();
        try (BatchingDispatcher<Integer, String> d = new BatchingDispatcher<>("t", svc, 4, 0)) {
            assertEquals("p7=7", d.call(7));
            assertEquals("p8=8", d.call(8));
            assertEquals(
                    List.of(
                            Thread.currentThread().getName(),
                            Thread.currentThread().getName()),
                    svc.preparedOn);
            DispatchStats s = d.stats();
            assertEquals(2, s.batches());
            assertEquals(2, s.requests());
            assertEquals(1, s.largestBatch());
            assertTrue(s.waitNanos() >= s.busyNanos(), "callers wait at least as long as the model works: " + s);
            assertEquals(1.0, s.meanBatch());
        }
    }

    @Test
    void aChainPreparesWithTheServiceThatWillAnswer() throws Exception {
        ModelService<Integer, String> evens = new ModelService<>() {
            @Override
            public boolean covers(Integer r) {
                return r % 2 == 0;
            }

            @Override
            public Object prepare(Integer r) {
                return "even" + r;
            }

            @Override
            public List<String> apply(List<Integer> b) {
                throw new AssertionError();
            }

            @Override
            public List<String> apply(List<Integer> b, List<Object> p) {
                List<String> out = new ArrayList<>();
                // an entry is null when the request was not prepared: the service then prepares it itself
                for (int i = 0; i < b.size(); i++) out.add(p.get(i) == null ? "even" + b.get(i) : (String) p.get(i));
                return out;
            }
        };
        ModelService<Integer, String> rest =
                batch -> batch.stream().map(i -> "rest" + i).toList();
        RoutingModelService<Integer, String> chain = new RoutingModelService<>(List.of(evens, rest));
        List<Integer> batch = List.of(1, 2, 3, 4);
        List<Object> prepared = new ArrayList<>();
        for (int i : batch) prepared.add(chain.prepare(i));
        assertEquals(List.of("rest1", "even2", "rest3", "even4"), chain.apply(batch, prepared));
        assertEquals(List.of("rest1", "even2", "rest3", "even4"), chain.apply(batch));
    }
}
