package io.taskforge.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Single submits on a fixed schedule: submit i is due at t0 + i / rate whatever the engine does.
 * Eight pacer threads take the slots in turn as the peers' submitters do, but each hands the call
 * to a virtual thread at its due time, so a slow answer never delays the next send.
 */
final class OpenLoopSubmitter {

    private OpenLoopSubmitter() {}

    static List<Submission> submit(TaskforgeClient client, int count, double perSecond, int pacers) throws Exception {
        var submissions = new AtomicReferenceArray<Submission>(count);
        var next = new AtomicInteger();
        double intervalNanos = 1e9 / perSecond;
        long t0 = System.nanoTime() + 20_000_000L;
        ExecutorService pacing = Executors.newFixedThreadPool(pacers);
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < pacers; p++) {
                running.add(pacing.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long due = t0 + (long) (i * intervalNanos);
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        int slot = i;
                        calls.submit(() -> submissions.set(slot, client.submitNoop()));
                    }
                }));
            }
            for (Future<?> pacer : running) {
                pacer.get();
            }
        } finally {
            pacing.shutdownNow();
        }
        List<Submission> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(submissions.get(i));
        }
        return all;
    }

    /** Sends per second from the first send to the last, as the peers compute their achieved rate. */
    static double achievedRate(List<Submission> submissions) {
        long first = submissions.stream().mapToLong(Submission::sentNanos).min().orElse(0);
        long last = submissions.stream().mapToLong(Submission::sentNanos).max().orElse(0);
        return last > first ? (submissions.size() - 1) / ((last - first) / 1e9) : 0;
    }
}
