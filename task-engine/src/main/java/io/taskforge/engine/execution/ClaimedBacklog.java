package io.taskforge.engine.execution;

import io.taskforge.engine.queue.ClaimedTask;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Tasks this node has claimed but not started yet, oldest claim first. Holding a few more claims
 * than free slots lets a worker that finishes an attempt start the next one at once, instead of
 * waiting for a claim round trip to the queue for every task.
 */
final class ClaimedBacklog {

    private record Entry(ClaimedTask task, Instant claimedAt) {}

    private final Deque<Entry> entries = new ArrayDeque<>();

    synchronized void addAll(List<ClaimedTask> tasks, Instant claimedAt) {
        tasks.forEach(task -> entries.addLast(new Entry(task, claimedAt)));
    }

    /** The oldest claim, or null when there is none. */
    synchronized ClaimedTask poll() {
        Entry next = entries.pollFirst();
        return next == null ? null : next.task();
    }

    synchronized int size() {
        return entries.size();
    }

    /** Removes and returns the claims made before {@code cutoff}, so that other nodes may take them. */
    synchronized List<ClaimedTask> takeClaimedBefore(Instant cutoff) {
        List<ClaimedTask> stale = new ArrayList<>();
        while (!entries.isEmpty() && entries.peekFirst().claimedAt().isBefore(cutoff)) {
            stale.add(entries.pollFirst().task());
        }
        return stale;
    }

    synchronized List<ClaimedTask> takeAll() {
        List<ClaimedTask> all = entries.stream().map(Entry::task).toList();
        entries.clear();
        return all;
    }
}
