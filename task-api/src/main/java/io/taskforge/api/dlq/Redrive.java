package io.taskforge.api.dlq;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.taskforge.api.reads.TaskReads;
import io.taskforge.task.command.RequeueTaskCommand;
import io.taskforge.task.command.TaskRuleViolationException;
import io.taskforge.task.dlq.DlqEntry;
import io.taskforge.task.dlq.RedriveFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Sends dead letters back to the queue in bulk, at a steady pace, leaving those whose provider's
 * breaker is still open where they are: redriving them would only fail them again. Nothing is
 * dropped: every task taken up is either sent back or listed as held back, with why.
 */
@Component
class Redrive {

    private static final Set<CircuitBreaker.State> OPEN =
            EnumSet.of(CircuitBreaker.State.OPEN, CircuitBreaker.State.FORCED_OPEN);

    private final TaskReads reads;
    private final CommandGateway commands;
    private final CircuitBreakerRegistry breakers;
    private final RedriveProperties properties;

    Redrive(TaskReads reads, CommandGateway commands, CircuitBreakerRegistry breakers, RedriveProperties properties) {
        this.reads = reads;
        this.commands = commands;
        this.breakers = breakers;
        this.properties = properties;
    }

    RedriveResponse run(
            RedriveFilter filter, int limit, double ratePerSecond, boolean dryRun, String reason, String by) {
        long matched = reads.redriveCount(filter);
        List<DlqEntry> selected = reads.redriveCandidates(filter, limit);
        List<HeldBackTask> heldBack = new ArrayList<>();
        List<DlqEntry> ready = new ArrayList<>();
        for (DlqEntry entry : selected) {
            if (breakerOpen(entry.provider())) {
                heldBack.add(new HeldBackTask(
                        entry.taskId().toString(),
                        entry.provider(),
                        "the circuit breaker of provider " + entry.provider() + " is open"));
            } else {
                ready.add(entry);
            }
        }
        List<String> requeued = new ArrayList<>();
        if (!dryRun) {
            RateLimiter pace = pace(ratePerSecond);
            for (DlqEntry entry : ready) {
                pace.acquirePermission();
                try {
                    commands.sendAndWait(new RequeueTaskCommand(entry.taskId(), by, reason, null));
                    requeued.add(entry.taskId().toString());
                } catch (TaskRuleViolationException movedOn) {
                    heldBack.add(new HeldBackTask(entry.taskId().toString(), entry.provider(), movedOn.getMessage()));
                }
            }
        }
        List<DeadLetter> sample = ready.stream()
                .limit(properties.sampleSize())
                .map(DeadLetter::of)
                .toList();
        return new RedriveResponse(
                dryRun,
                matched,
                selected.size(),
                requeued.size(),
                dryRun ? ready.size() : 0,
                heldBack,
                requeued,
                sample,
                ratePerSecond);
    }

    double rateFor(Double requested) {
        return requested == null ? properties.ratePerSecond() : Math.min(requested, properties.ratePerSecond());
    }

    int maxTasks() {
        return properties.maxTasks();
    }

    private boolean breakerOpen(String provider) {
        return provider != null
                && breakers.find(provider)
                        .map(breaker -> OPEN.contains(breaker.getState()))
                        .orElse(false);
    }

    /** One permit per interval: a fractional rate such as 0.5 a second paces as well as 50. */
    private static RateLimiter pace(double ratePerSecond) {
        long nanos = Math.max(1, Math.round(1_000_000_000 / ratePerSecond));
        return RateLimiter.of(
                "dlq-redrive",
                RateLimiterConfig.custom()
                        .limitForPeriod(1)
                        .limitRefreshPeriod(Duration.ofNanos(nanos))
                        .timeoutDuration(Duration.ofDays(1))
                        .build());
    }
}
