package io.taskforge.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Client threads that each send the next single submit as soon as the previous one has answered. */
final class ClosedLoopSubmitters {

    private ClosedLoopSubmitters() {}

    static List<Submission> submit(TaskforgeClient client, int tasks, int clients)
            throws InterruptedException, ExecutionException {
        var submissions = new AtomicReferenceArray<Submission>(tasks);
        var next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                        submissions.set(i, client.submitNoop());
                    }
                }));
            }
            for (Future<?> thread : running) {
                thread.get();
            }
        } finally {
            threads.shutdownNow();
        }
        List<Submission> all = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            all.add(submissions.get(i));
        }
        return all;
    }
}
