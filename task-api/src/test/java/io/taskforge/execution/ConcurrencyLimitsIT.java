package io.taskforge.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskforge.support.ExecutionIntegrationTest;
import io.taskforge.support.ProbeHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The per-type limit ({@code probe} at most 3 at once) holds under a load of hundreds of tasks. */
class ConcurrencyLimitsIT extends ExecutionIntegrationTest {

    private static final String TASKS = "/api/v1/tasks";
    private static final int PROBE_LIMIT = 3;
    private static final int TASK_COUNT = 200;

    @Autowired
    ProbeHandler probe;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void never_runs_more_than_the_type_limit_while_hundreds_of_tasks_go_through() throws Exception {
        String problem = "load-" + UUID.randomUUID();
        AtomicBoolean sampling = new AtomicBoolean(true);
        AtomicInteger mostRunningInQueue = new AtomicInteger();
        Thread sampler = Thread.ofPlatform().start(() -> {
            while (sampling.get()) {
                Integer running = jdbc.queryForObject(
                        "SELECT count(*) FROM task_queue WHERE type = 'probe' AND state = 'RUNNING'", Integer.class);
                mostRunningInQueue.accumulateAndGet(running, Math::max);
                LockSupport.parkNanos(2_000_000);
            }
        });

        for (int i = 0; i < TASK_COUNT; i++) {
            operator().post(TASKS, Map.of("type", "probe", "problem_id", problem, "input", Map.of("millis", 15)));
        }
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> completed(problem) == TASK_COUNT);
        sampling.set(false);
        sampler.join();

        assertThat(probe.mostAtOnce()).isBetween(2, PROBE_LIMIT);
        assertThat(mostRunningInQueue.get()).isBetween(1, PROBE_LIMIT);
    }

    @Test
    void starts_higher_priority_work_first_when_a_type_is_saturated() {
        String problem = "priority-" + UUID.randomUUID();
        List<String> low = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            low.add(submit(problem, 0, 300));
        }
        List<String> high = List.of(submit(problem, 10, 50), submit(problem, 10, 50), submit(problem, 10, 50));
        await().atMost(Duration.ofMinutes(1)).until(() -> completed(problem) == 27);

        Instant lastHighStart =
                high.stream().map(this::startedAt).max(Instant::compareTo).orElseThrow();
        long lowStartedLater = low.stream()
                .map(this::startedAt)
                .filter(lastHighStart::isBefore)
                .count();
        assertThat(lowStartedLater).isGreaterThanOrEqualTo(12);
    }

    private String submit(String problem, int priority, int millis) {
        var body = Map.<String, Object>of(
                "type", "probe", "problem_id", problem, "priority", priority, "input", Map.of("millis", millis));
        return operator().post(TASKS, body).text("id");
    }

    private Instant startedAt(String id) {
        return Instant.parse(operator().get(TASKS + "/" + id).text("started_at"));
    }

    private int completed(String problem) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM task_view WHERE problem_id = ? AND status = 'COMPLETED'", Integer.class, problem);
    }
}
