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
    void aServiceReturningTheWrongNumberOfAnswersIsAnError() {
        ModelService<Integer, Integer> shortAnswer = batch -> List.of();
        try (BatchingDispatcher<Integer, Integer> d = new BatchingDispatcher<>("t", shortAnswer, 4, 0)) {
            ModelServiceException e = assertThrows(ModelServiceException.class, () -> d.call(1));
            assertEquals("model service returned 0 answers for 1 requests", e.getMessage());
        }
    }
}
