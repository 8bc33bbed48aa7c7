package io.taskforge.api.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskforge.engine.numbering.TaskNumbers;
import io.taskforge.support.ApiIntegrationTest;
import io.taskforge.support.ReadModelReplay;
import io.taskforge.support.TestTask;
import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.alerts.AlertView;
import io.taskforge.task.alerts.ListAlertsQuery;
import io.taskforge.task.attempts.FallbackStepView;
import io.taskforge.task.attempts.TaskFallbackStepsQuery;
import io.taskforge.task.command.AcknowledgeAlertCommand;
import io.taskforge.task.command.CreateTaskCommand;
import io.taskforge.task.command.FailAttemptCommand;
import io.taskforge.task.command.StartAttemptCommand;
import io.taskforge.task.dlq.DlqEntry;
import io.taskforge.task.dlq.FindDlqEntryQuery;
import io.taskforge.task.processing.ProcessingGroups;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The alerts, the attempt ledger's fallback steps and the DLQ's explanations rebuild the same by replay. */
class SelfHealingReplayIT extends ApiIntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(20);
    private static final TaskError UNAVAILABLE = new TaskError("http_error", "503 Service Unavailable", 503);

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskNumbers numbers;

    @Test
    void replay_rebuilds_the_same_alerts_fallback_steps_and_explanations_as_live_processing() {
        String provider = "replayed-" + UUID.randomUUID();
        var created = api(ADMIN_KEY)
                .post(
                        "/api/v1/recovery/fallback-chain",
                        Map.of(
                                "name", "replay-" + provider,
                                "match", Map.of("provider", provider),
                                "steps",
                                        List.of(
                                                Map.of("strategy", "retry", "max_attempts", 1, "base_delay_ms", 0),
                                                Map.of(
                                                        "strategy",
                                                        "switch_provider",
                                                        "provider",
                                                        provider + "-backup"))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        TaskId taskId = TaskId.random();
        var definition = TestTask.noop()
                .provider(provider)
                .metadata(Map.of("amount", 500))
                .retry(new RetrySettings(1, 0, 0, 0))
                .owner("owner-replay")
                .definition();
        commands.sendAndWait(new CreateTaskCommand(taskId, numbers.next(), definition));
        for (int attempt = 1; attempt <= 3; attempt++) {
            commands.sendAndWait(new StartAttemptCommand(taskId, attempt, "worker-1"));
            commands.sendAndWait(FailAttemptCommand.of(taskId, attempt, UNAVAILABLE));
        }
        AlertView raised = await().atMost(CATCH_UP)
                .until(() -> alertOf(taskId), Optional::isPresent)
                .orElseThrow();
        commands.sendAndWait(new AcknowledgeAlertCommand(taskId, raised.alertId(), "ops", "looked at it"));

        var live = await().atMost(CATCH_UP)
                .until(
                        () -> readModels(taskId),
                        models -> ((Optional<?>) models.get(0))
                                        .map(alert -> ((AlertView) alert).acknowledgedAt() != null)
                                        .orElse(false)
                                && ((List<?>) models.get(1)).size() == 2
                                && ((Optional<?>) models.get(2))
                                        .map(entry -> ((DlqEntry) entry).fallback() != null)
                                        .orElse(false));
        DlqEntry entry = (DlqEntry) ((Optional<?>) live.get(2)).orElseThrow();
        assertThat(entry.fallback().stepsApplied()).containsExactly("retry", "switch_provider");
        assertThat(entry.classification()).isEqualTo("retryable");
        assertThat(entry.alertSeverity()).isEqualTo("critical");

        jdbc.update("DELETE FROM task_alert WHERE task_id = ?", taskId.value());
        jdbc.update("DELETE FROM task_fallback_step WHERE task_id = ?", taskId.value());
        jdbc.update(
                "UPDATE dlq_entry SET fallback_json = NULL, classification = NULL, retry_json = NULL WHERE task_id = ?",
                taskId.value());
        for (String group : List.of(ProcessingGroups.TASK_ATTEMPTS, ProcessingGroups.TASK_DLQ)) {
            ReadModelReplay.replay(processing, group);
        }

        await().atMost(CATCH_UP)
                .untilAsserted(() -> assertThat(readModels(taskId)).isEqualTo(live));
    }

    /** The task's alert, its fallback steps and its dead letter entry. */
    private List<Object> readModels(TaskId taskId) {
        return List.of(
                alertOf(taskId),
                queries.query(
                                new TaskFallbackStepsQuery(taskId),
                                ResponseTypes.multipleInstancesOf(FallbackStepView.class))
                        .join(),
                queries.query(new FindDlqEntryQuery(taskId), ResponseTypes.optionalInstanceOf(DlqEntry.class))
                        .join());
    }

    private Optional<AlertView> alertOf(TaskId taskId) {
        return queries
                .query(
                        new ListAlertsQuery(null, null, 1000, 0, "owner-replay"),
                        ResponseTypes.multipleInstancesOf(AlertView.class))
                .join()
                .stream()
                .filter(alert -> alert.taskId().equals(taskId))
                .findFirst();
    }
}
