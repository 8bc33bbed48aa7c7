package io.taskforge.engine.execution;

import io.taskforge.engine.queue.ClaimedTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * This node's internal workers: numbered slots, each running one attempt at a time. The pool can
 * be resized and stopped while attempts run: a slot beyond the new size, or any slot of a stopped
 * pool, finishes its attempt and then takes no more.
 */
final class WorkerSlots {

    /** Taken slots, with the task each runs; a slot taken but not assigned yet maps to {@link #RESERVED}. */
    private final Map<Integer, Optional<ClaimedTask>> busy = new TreeMap<>();

    private static final Optional<ClaimedTask> RESERVED = Optional.empty();
    private int size;
    private boolean running;

    WorkerSlots(int size, boolean running) {
        this.size = size;
        this.running = running;
    }

    /** Takes a free slot; null when none is free or the pool is stopped. */
    synchronized Integer acquire() {
        if (!running) {
            return null;
        }
        for (int number = 1; number <= size; number++) {
            if (!busy.containsKey(number)) {
                busy.put(number, RESERVED);
                return number;
            }
        }
        return null;
    }

    /** Records the task the taken slot runs. */
    synchronized void assign(int number, ClaimedTask task) {
        busy.put(number, Optional.of(task));
    }

    synchronized void release(int number) {
        busy.remove(number);
    }

    /** Slots that could take an attempt now. */
    synchronized int free() {
        if (!running) {
            return 0;
        }
        return (int)
                Math.max(0, size - busy.keySet().stream().filter(n -> n <= size).count());
    }

    synchronized int size() {
        return size;
    }

    synchronized boolean running() {
        return running;
    }

    /** Sets the number of slots and returns the previous one. */
    synchronized int resize(int newSize) {
        int previous = size;
        size = newSize;
        return previous;
    }

    /** Starts or stops the pool; returns whether it was running. */
    synchronized boolean run(boolean run) {
        boolean was = running;
        running = run;
        return was;
    }

    /** Every slot of the pool, and every slot beyond it still finishing an attempt, by number. */
    synchronized List<InternalWorker> snapshot(String nodeId) {
        List<InternalWorker> workers = new ArrayList<>();
        int highest = Math.max(
                size, busy.keySet().stream().mapToInt(Integer::intValue).max().orElse(0));
        for (int number = 1; number <= highest; number++) {
            ClaimedTask task = busy.getOrDefault(number, RESERVED).orElse(null);
            boolean retiring = !running || number > size;
            if (task == null && number > size) {
                continue;
            }
            InternalWorker.Status status = task == null
                    ? (running ? InternalWorker.Status.IDLE : InternalWorker.Status.STOPPED)
                    : (retiring ? InternalWorker.Status.STOPPING : InternalWorker.Status.BUSY);
            workers.add(new InternalWorker(nodeId + "-" + number, status, task == null ? null : task.taskId()));
        }
        return workers;
    }
}
