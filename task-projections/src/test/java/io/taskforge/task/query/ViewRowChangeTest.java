package io.taskforge.task.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ViewRowChangeTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant FIRST_START = CREATED.plusSeconds(1);
    private static final Instant SECOND_START = CREATED.plusSeconds(5);
    private static final Instant DONE = CREATED.plusSeconds(6);

    @Test
    void aChangeSetsOnlyTheColumnsItsEventsChange() {
        ViewRowChange row = new ViewRowChange();

        row.retryScheduled(SECOND_START, FIRST_START);

        assertThat(row.values())
                .containsOnly(
                        entry("status", TaskStatus.RETRY_SCHEDULED),
                        entry("next_retry_at", SECOND_START),
                        entry("updated_at", FIRST_START));
        assertThat(row.unlessSet()).isEmpty();
    }

    @Test
    void aStartOfARowNotReadKeepsTheStartTheRowAlreadyHas() {
        ViewRowChange row = new ViewRowChange();

        row.attemptStarted(2, "worker-b", SECOND_START);

        assertThat(row.unlessSet()).containsOnly(entry("started_at", SECOND_START));
        assertThat(row.values()).containsEntry("attempts", 2).doesNotContainKey("started_at");
    }

    @Test
    void laterEventsOfTheSameBatchReplaceEarlierValuesButNotTheFirstStart() {
        ViewRowChange row = new ViewRowChange();

        row.attemptStarted(1, "worker-a", FIRST_START);
        row.attemptFailed(new TaskError("timeout", "slow", null), SECOND_START);
        row.attemptStarted(2, "worker-b", SECOND_START);
        row.completed(Map.of("ok", true), DONE);

        assertThat(row.unlessSet()).containsOnly(entry("started_at", FIRST_START));
        assertThat(row.values())
                .contains(
                        entry("status", TaskStatus.COMPLETED),
                        entry("attempts", 2),
                        entry("worker_id", "worker-b"),
                        entry("error_type", null),
                        entry("result_json", Map.of("ok", true)),
                        entry("finished_at", DONE));
    }

    @Test
    void aRowCreatedInTheBatchHoldsEveryColumnAndTakesItsFirstStart() {
        ViewRowChange row = ViewRowChange.created(new TaskId(UUID.randomUUID()), 7L, definition(), CREATED);

        row.attemptStarted(1, "worker-a", FIRST_START);
        row.attemptStarted(2, "worker-b", SECOND_START);

        assertThat(row.unlessSet()).isEmpty();
        assertThat(row.values())
                .hasSize(30)
                .contains(entry("number", 7L), entry("started_at", FIRST_START), entry("created_at", CREATED));
    }

    @Test
    void aRequeueClearsWhatTheLastRunLeft() {
        ViewRowChange row = new ViewRowChange();

        row.completed(Map.of("ok", true), DONE);
        row.requeued(DONE.plusSeconds(1));

        assertThat(row.values())
                .contains(
                        entry("status", TaskStatus.PENDING),
                        entry("result_json", null),
                        entry("completed_at", null),
                        entry("finished_at", null),
                        entry("progress", 0));
    }

    private static TaskDefinition definition() {
        return new TaskDefinition(
                "noop",
                TaskCategory.API,
                null,
                Map.of(),
                Map.of(),
                null,
                0,
                60,
                RetrySettings.DEFAULT,
                null,
                "test",
                null,
                null);
    }
}
