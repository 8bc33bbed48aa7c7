package io.taskforge.benchmarks;

import java.io.IOException;

/** Submits tasks through the batch API, one batch after the other from one client, as the peers' one call. */
final class BatchSubmitter {

    private BatchSubmitter() {}

    /** Answers each batch's duration in nanoseconds. */
    static long[] submit(TaskforgeClient client, int tasks, int batchSize) throws IOException, InterruptedException {
        int batches = (tasks + batchSize - 1) / batchSize;
        long[] nanos = new long[batches];
        for (int b = 0; b < batches; b++) {
            int size = Math.min(batchSize, tasks - b * batchSize);
            long sent = System.nanoTime();
            int status = client.submitNoopBatch(size);
            nanos[b] = System.nanoTime() - sent;
            if (status / 100 != 2) {
                throw new IOException("batch " + (b + 1) + " of " + batches + " answered " + status);
            }
        }
        return nanos;
    }
}
