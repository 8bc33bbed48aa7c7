package io.taskforge.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** What the event store says became of a set of tasks; the peers' checks, on Taskforge's events. */
final class TaskOutcomes {

    /** Attempt starts and completions of one task, with the first start and the completion instant. */
    record Outcome(int starts, int completions, Instant firstStart, Instant completedAt) {}

    private static final Outcome NOTHING = new Outcome(0, 0, null, null);

    private final List<String> taskIds;
    private final Map<String, Outcome> byTask;

    TaskOutcomes(List<String> taskIds, Map<String, Outcome> byTask) {
        this.taskIds = taskIds;
        this.byTask = byTask;
    }

    Outcome of(String taskId) {
        return byTask.getOrDefault(taskId, NOTHING);
    }

    int tasks() {
        return taskIds.size();
    }

    long distinctTasks() {
        return taskIds.stream().distinct().count();
    }

    long started() {
        return byTask.values().stream().filter(o -> o.starts() > 0).count();
    }

    long completed() {
        return byTask.values().stream().filter(o -> o.completions() > 0).count();
    }

    /** Attempt starts beyond the first, over all tasks: a no-op task never needs a second. */
    long duplicateStarts() {
        return byTask.values().stream()
                .mapToLong(o -> Math.max(0, o.starts() - 1))
                .sum();
    }

    long duplicateCompletions() {
        return byTask.values().stream()
                .mapToLong(o -> Math.max(0, o.completions() - 1))
                .sum();
    }

    Instant firstCompletion() {
        return byTask.values().stream()
                .map(Outcome::completedAt)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }

    Instant lastCompletion() {
        return byTask.values().stream()
                .map(Outcome::completedAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
    }

    /** Completions per second from the first completion to the last, the peers' throughput figure. */
    double completionsPerSecond() {
        Instant first = firstCompletion();
        Instant last = lastCompletion();
        if (first == null || !last.isAfter(first)) {
            return 0;
        }
        return completed() / (Duration.between(first, last).toNanos() / 1e9);
    }

    boolean allOnce(int expected) {
        return tasks() == expected
                && distinctTasks() == expected
                && started() == expected
                && completed() == expected
                && duplicateStarts() == 0
                && duplicateCompletions() == 0;
    }

    String check(int expected) {
        if (allOnce(expected)) {
            return String.format(Locale.ROOT, "all %,d started once and completed once", expected);
        }
        return String.format(
                Locale.ROOT,
                "%,d distinct tasks of %,d expected: %,d started, %,d completed, %,d duplicate starts,"
                        + " %,d duplicate completions",
                distinctTasks(),
                expected,
                started(),
                completed(),
                duplicateStarts(),
                duplicateCompletions());
    }
}
