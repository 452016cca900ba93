package org.sdvp.core.service;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CpuSlotsTest {

    @Test
    void atMostTheSlotCountComputesAtOnceWhileModelWaitsDoNotCount() throws Exception {
        CpuSlots slots = new CpuSlots(2);
        AtomicInteger computing = new AtomicInteger(), most = new AtomicInteger();
        ModelService<Integer, Integer> slow = batch -> {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return batch;
        };
        int callers = 8;
        List<Integer> batchSizes = java.util.Collections.synchronizedList(new ArrayList<>());
        try (BatchingDispatcher<Integer, Integer> d = new BatchingDispatcher<>(
                "t",
                batch -> {
                    batchSizes.add(batch.size());
                    return slow.apply(batch);
                },
                16,
                0)) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                Thread t = new Thread(() -> {
                    try {
                        slots.enter();
                        try {
                            for (int k = 0; k < 3; k++) {
                                most.accumulateAndGet(computing.incrementAndGet(), Math::max);
                                Thread.sleep(2); // "computing"
                                computing.decrementAndGet();
                                d.call(n);
                            }
                        } finally {
                            slots.exit();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) t.join();
        }
        assertTrue(most.get() <= 2, "at most 2 threads computed at once, saw " + most.get());
        assertTrue(
                batchSizes.stream().anyMatch(s -> s > 2),
                "waiting threads gave their slots back, so more than 2 calls could batch: " + batchSizes);
    }

    @Test
    void misuseIsReported() throws Exception {
        CpuSlots slots = new CpuSlots(1);
        assertThrows(IllegalStateException.class, slots::exit);
        slots.enter();
        assertThrows(IllegalStateException.class, slots::enter);
        slots.exit();
        assertThrows(IllegalArgumentException.class, () -> new CpuSlots(0));
    }
}
