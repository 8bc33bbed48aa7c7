package io.taskforge.engine.execution;

import io.taskforge.engine.queue.AliveReport;
import io.taskforge.engine.queue.ClaimedTask;
import io.taskforge.engine.queue.LeasedAttempt;
import io.taskforge.engine.queue.RunningTask;
import io.taskforge.task.TaskId;
import io.taskforge.worker.ProblemPattern;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The life of one attempt, as whoever runs it sees it: claim due work, start the attempt, keep its
 * lease and report progress while it runs, and end it with a success, a failure or a time-out. The
 * local runner goes through this port, and so does a worker in another process: both produce the
 * same events, classified and retried by the same policies.
 *
 * <p>Every report names the attempt it is about. A report for an attempt that is no longer the
 * task's current one (it was timed out, cancelled or retried meanwhile) changes nothing and
 * answers false.
 */
public interface AttemptLifecycle {

    /**
     * Claims up to {@code max} due tasks of the given types for the worker, within the concurrency
     * limits; the claim holds for a short while, until the worker starts or releases each one.
     */
    List<ClaimedTask> claim(String workerId, Set<String> types, int max);

    /**
     * Claims up to {@code max} due tasks whose problem id, or type, matches one of the patterns, for
     * a worker that holds at most {@code capacity} tasks at once, within the concurrency limits.
     */
    List<ClaimedTask> claimMatching(String workerId, List<ProblemPattern> patterns, int capacity, int max);

    /** Gives back a claim the worker will not start. */
    void release(TaskId taskId, String workerId);

    /** Starts the claimed attempt; false when the task has moved on (its claim is then released). */
    boolean start(ClaimedTask task, String workerId);

    /**
     * Renews the worker's leases on the given tasks, those that have not lapsed: a lapsed lease is
     * lost, and the attempt is the sweeper's to time out.
     *
     * @return the attempt each task is assigned to this worker now; a task missing from the answer,
     *     or assigned with another attempt, is no longer the worker's to run
     */
    Map<TaskId, Integer> heartbeat(String workerId, Set<TaskId> taskIds);

    /**
     * Records the liveness reports of the worker's attempts that watch their liveness, on their queue
     * rows only (no event), for stall detection.
     */
    void alive(String workerId, List<AliveReport> reports);

    /** The task's running attempt and who holds its lease; empty when no attempt runs. */
    Optional<LeasedAttempt> leaseOf(TaskId taskId);

    /** The attempts running on the worker. */
    List<RunningTask> runningOn(String workerId);

    boolean progress(TaskId taskId, int attempt, int percent, String message);

    boolean succeed(TaskId taskId, int attempt, Map<String, Object> result);

    boolean fail(TaskId taskId, int attempt, AttemptFailure failure);

    boolean timeOut(TaskId taskId, int attempt, String reason);
}
