package io.taskforge.worker;

import java.util.List;
import java.util.Objects;

/**
 * What a worker can take on.
 *
 * @param maxParallelTasks how many attempts it runs at once
 * @param supportedProblems the globs of the problems (or task types) it runs
 */
public record WorkerCapabilities(int maxParallelTasks, List<ProblemPattern> supportedProblems) {

    public static final int MAX_PARALLEL_TASKS = 1_000;
    public static final int MAX_PATTERNS = 100;

    public WorkerCapabilities {
        Objects.requireNonNull(supportedProblems, "supportedProblems");
        if (maxParallelTasks < 1 || maxParallelTasks > MAX_PARALLEL_TASKS) {
            throw new IllegalArgumentException(
                    "max_parallel_tasks must lie between 1 and " + MAX_PARALLEL_TASKS + ", not " + maxParallelTasks);
        }
        if (supportedProblems.isEmpty() || supportedProblems.size() > MAX_PATTERNS) {
            throw new IllegalArgumentException("supported_problems needs 1 to " + MAX_PATTERNS + " patterns");
        }
        supportedProblems = List.copyOf(supportedProblems);
    }

    /** Whether the worker runs a task with this problem id (may be null) and type. */
    public boolean supports(String problemId, String type) {
        return supportedProblems.stream().anyMatch(pattern -> pattern.matches(problemId, type));
    }
}
