package io.taskforge.engine.workers;

import io.taskforge.engine.execution.ExecutionProperties;
import io.taskforge.engine.execution.ExternalAttempts;
import io.taskforge.engine.queue.ClaimedTask;
import io.taskforge.engine.queue.QueueProperties;
import io.taskforge.engine.queue.QueueSignal;
import io.taskforge.handler.TaskLog;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.worker.WorkerCapabilities;
import io.taskforge.worker.WorkerId;
import io.taskforge.worker.command.MarkWorkerOfflineCommand;
import io.taskforge.worker.command.RegisterWorkerCommand;
import io.taskforge.worker.command.WorkerRuleViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The worker protocol as the engine serves it: register, heartbeat, claim (optionally waiting for
 * work), and the fenced reports about a claimed attempt. A worker must be registered for all of
 * them and online to claim or send heartbeats.
 */
@Component
public class ExternalWorkers {

    private final CommandGateway commands;
    private final WorkerLiveness liveness;
    private final ExternalAttempts attempts;
    private final QueueSignal signal;
    private final ExecutionProperties execution;
    private final QueueProperties queue;
    private final WorkerProperties properties;
    private final Clock clock;

    ExternalWorkers(
            CommandGateway commands,
            WorkerLiveness liveness,
            ExternalAttempts attempts,
            QueueSignal signal,
            ExecutionProperties execution,
            QueueProperties queue,
            WorkerProperties properties,
            Clock clock) {
        this.commands = commands;
        this.liveness = liveness;
        this.attempts = attempts;
        this.signal = signal;
        this.execution = execution;
        this.queue = queue;
        this.properties = properties;
        this.clock = clock;
    }

    /** Registers the worker, or registers it again with these capabilities; it is online afterwards. */
    public Registration register(WorkerId workerId, String backendType, WorkerCapabilities capabilities) {
        commands.sendAndWait(new RegisterWorkerCommand(workerId, backendType, capabilities));
        Liveness stored = liveness.find(workerId).orElseThrow();
        return new Registration(workerId, stored.registeredAt(), queue.lease(), properties.offlineAfter());
    }

    /**
     * Notes the worker's sign of life and renews the leases of the attempts it runs, named with
     * their fencing tokens; a worker that says it is leaving goes offline and its attempts are
     * handed back.
     */
    public HeartbeatAnswer heartbeat(WorkerId workerId, boolean leaving, Map<TaskId, Integer> running) {
        online(workerId);
        Instant now = clock.instant();
        liveness.heardOf(workerId, now);
        var stop = attempts.heartbeat(workerId.value(), running);
        if (leaving) {
            goOffline(workerId, "the worker said it is going offline", now);
        }
        return new HeartbeatAnswer(now, stop);
    }

    /**
     * Claims the next task the worker's capabilities match and starts its attempt there. With a
     * wait, a claim that finds nothing waits for work (woken by the queue) until the wait is over.
     */
    public Optional<ClaimedWork> claim(WorkerId workerId, Duration wait) throws InterruptedException {
        Liveness worker = online(workerId);
        liveness.heardOf(workerId, clock.instant());
        Instant until = clock.instant().plus(wait);
        while (true) {
            long seen = signal.generation();
            Optional<ClaimedTask> claimed = attempts.claim(workerId.value(), worker.capabilities());
            Duration left = Duration.between(clock.instant(), until);
            if (claimed.isPresent() || left.isNegative() || left.isZero()) {
                return claimed.map(ClaimedWork::of);
            }
            signal.awaitChange(seen, left.compareTo(execution.pollInterval()) < 0 ? left : execution.pollInterval());
            // a worker waiting in a claim is alive; one taken offline meanwhile stops waiting
            if (!liveness.heardOf(workerId, clock.instant())) {
                return Optional.empty();
            }
        }
    }

    public boolean progress(WorkerId workerId, TaskId taskId, int token, int percent, String message) {
        registered(workerId);
        return attempts.progress(workerId.value(), taskId, token, percent, message);
    }

    public boolean log(
            WorkerId workerId,
            TaskId taskId,
            int token,
            TaskLog.Level level,
            String message,
            Map<String, Object> context) {
        registered(workerId);
        return attempts.log(workerId.value(), taskId, token, level, message, context);
    }

    public boolean succeed(WorkerId workerId, TaskId taskId, int token, Map<String, Object> result) {
        registered(workerId);
        return attempts.succeed(workerId.value(), taskId, token, result);
    }

    public boolean fail(
            WorkerId workerId,
            TaskId taskId,
            int token,
            TaskError error,
            ErrorClassification verdict,
            Duration retryAfter) {
        registered(workerId);
        return attempts.fail(workerId.value(), taskId, token, error, verdict, retryAfter);
    }

    /** When each registered worker was last heard of, by worker id. */
    public Map<String, Instant> lastHeartbeats() {
        return liveness.lastHeartbeats();
    }

    /**
     * Takes the worker offline and hands its running attempts back. Only the node whose command
     * was accepted hands them back; should it die first, their leases lapse and the sweeper does.
     */
    void goOffline(WorkerId workerId, String reason, Instant lastHeartbeat) {
        try {
            commands.sendAndWait(new MarkWorkerOfflineCommand(workerId, reason, lastHeartbeat));
        } catch (WorkerRuleViolationException alreadyOffline) {
            return;
        }
        attempts.handBack(workerId.value(), "worker " + workerId.value() + " went offline: " + reason);
    }

    private Liveness registered(WorkerId workerId) {
        return liveness.find(workerId).orElseThrow(() -> new UnknownWorkerException(workerId));
    }

    private Liveness online(WorkerId workerId) {
        Liveness worker = registered(workerId);
        if (!worker.online()) {
            throw new WorkerOfflineException(workerId);
        }
        return worker;
    }
}
