package io.taskforge.engine.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.taskforge.engine.persistence.AfterCommit;
import io.taskforge.task.command.TelemetryTags;
import io.taskforge.task.event.AlertRaisedEvent;
import io.taskforge.task.event.FailureExplainedEvent;
import io.taskforge.task.event.FallbackStepAppliedEvent;
import io.taskforge.task.event.MovedToDlqEvent;
import io.taskforge.task.event.TaskCompletedEvent;
import io.taskforge.task.event.TaskRetryScheduledEvent;
import io.taskforge.task.event.TaskStartedEvent;
import io.taskforge.task.event.TaskTimedOutEvent;
import io.taskforge.task.processing.ProcessingGroups;
import java.time.Duration;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts what tasks go through, on the node whose command decided it, once its transaction has
 * committed; and writes seed 003's four telemetry events (started, completed, failed, retry) as
 * structured log lines. Type and provider come from the metadata the Task aggregate puts on these
 * events ({@link TelemetryTags}); {@code none} stands for a task without a provider.
 */
@Component
@ProcessingGroup(ProcessingGroups.TELEMETRY)
class TaskTelemetry {

    private static final Logger log = LoggerFactory.getLogger("taskforge.telemetry");
    private static final String NONE = "none";

    private final MeterRegistry registry;

    TaskTelemetry(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(
            TaskStartedEvent event,
            @MetaDataValue(TelemetryTags.TYPE) String type,
            @MetaDataValue(TelemetryTags.PROVIDER) String provider) {
        AfterCommit.run(() -> {
            counter("taskforge.tasks.started", "Task runs started (first attempt of a run)", tags(type, provider))
                    .increment();
            log.info("event=task.started task_id={} type={} provider={}", event.taskId(), type, orNone(provider));
        });
    }

    @EventHandler
    void on(
            TaskCompletedEvent event,
            @MetaDataValue(TelemetryTags.TYPE) String type,
            @MetaDataValue(TelemetryTags.PROVIDER) String provider) {
        AfterCommit.run(() -> {
            counter("taskforge.tasks.completed", "Task runs completed", tags(type, provider))
                    .increment();
            Timer.builder("taskforge.task.duration")
                    .description("Run time of completed tasks, from the first attempt's start to completion")
                    .tags(Tags.of("type", orNone(type)))
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(Duration.ofMillis(event.durationMillis()));
            DistributionSummary.builder("taskforge.task.attempts")
                    .description("Attempts completed tasks took")
                    .tags(Tags.of("type", orNone(type)))
                    .register(registry)
                    .record(event.attempts());
            log.info(
                    "event=task.completed task_id={} type={} provider={} duration_ms={} attempts={}",
                    event.taskId(),
                    type,
                    orNone(provider),
                    event.durationMillis(),
                    event.attempts());
        });
    }

    @EventHandler
    void on(
            FailureExplainedEvent event,
            @MetaDataValue(TelemetryTags.TYPE) String type,
            @MetaDataValue(TelemetryTags.PROVIDER) String provider) {
        failed(event.taskId().toString(), type, provider, FailureReason.of(event), event.attempts() - 1);
    }

    @EventHandler
    void on(
            TaskTimedOutEvent event,
            @MetaDataValue(TelemetryTags.TYPE) String type,
            @MetaDataValue(TelemetryTags.PROVIDER) String provider) {
        failed(event.taskId().toString(), type, provider, FailureReason.TIMED_OUT, event.attempts() - 1);
    }

    @EventHandler
    void on(
            TaskRetryScheduledEvent event,
            @MetaDataValue(TelemetryTags.TYPE) String type,
            @MetaDataValue(TelemetryTags.PROVIDER) String provider) {
        AfterCommit.run(() -> {
            counter("taskforge.tasks.retried", "Retries scheduled after failed attempts", tags(type, provider))
                    .increment();
            log.info(
                    "event=task.retry task_id={} type={} provider={} attempt={} delay_ms={} reason=\"{}\"",
                    event.taskId(),
                    type,
                    orNone(provider),
                    event.nextAttempt(),
                    event.delayMillis(),
                    event.reason());
        });
    }

    @EventHandler
    void on(MovedToDlqEvent event) {
        AfterCommit.run(() -> counter(
                        "taskforge.tasks.dead.lettered",
                        "Tasks moved to the dead letter queue",
                        tags(event.type(), event.provider()).and("severity", lower(event.alertSeverity())))
                .increment());
    }

    @EventHandler
    void on(FallbackStepAppliedEvent event) {
        AfterCommit.run(() -> counter(
                        "taskforge.fallback.steps",
                        "Fallback chain steps applied to tasks whose retries were spent",
                        Tags.of(
                                        "chain",
                                        event.chain().name(),
                                        "strategy",
                                        event.step().strategy().wireName())
                                .and("type", orNone(event.type())))
                .increment());
    }

    @EventHandler
    void on(AlertRaisedEvent event) {
        AfterCommit.run(() -> counter(
                        "taskforge.alerts",
                        "Alerts raised",
                        Tags.of(
                                        "severity",
                                        lower(event.severity()),
                                        "source",
                                        event.source().wireName())
                                .and("type", orNone(event.type())))
                .increment());
    }

    private void failed(String taskId, String type, String provider, FailureReason reason, int retries) {
        AfterCommit.run(() -> {
            counter(
                            "taskforge.tasks.failed",
                            "Tasks given up after their retries, by reason and retry count",
                            tags(type, provider)
                                    .and("reason", reason.tag())
                                    .and("retry_count", String.valueOf(retries)))
                    .increment();
            log.info(
                    "event=task.failed task_id={} type={} provider={} reason={} retry_count={}",
                    taskId,
                    type,
                    orNone(provider),
                    reason.tag(),
                    retries);
        });
    }

    private Counter counter(String name, String description, Tags tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    private static Tags tags(String type, String provider) {
        return Tags.of("type", orNone(type), "provider", orNone(provider));
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
