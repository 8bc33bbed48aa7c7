package io.taskforge.engine.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskforge.support.ExecutionIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** The task cache holds the tasks that still get commands: a task leaves it once it has finished. */
class FinishedTaskEvictionIT extends ExecutionIntegrationTest {

    @Autowired
    @Qualifier(AxonConfiguration.TASK_CACHE)
    Cache tasks;

    @Test
    void aRunningTaskStaysCachedAndLeavesOnceItCompletes() {
        String running = submit(Map.of("type", "sleep", "input", Map.of("millis", 1500)));
        await().atMost(FINISH)
                .until(() -> operator().get("/api/v1/tasks/" + running).text("status"), "running"::equals);
        assertThat(tasks.containsKey(running)).isTrue();

        assertThat(awaitFinished(running).path("status").asText()).isEqualTo("completed");
        await().atMost(Duration.ofSeconds(5)).until(() -> !tasks.containsKey(running));
    }

    @Test
    void aCancelledTaskLeaves() {
        String cancelled = submit(Map.of("type", "sleep", "input", Map.of("millis", 30000)));
        await().atMost(FINISH)
                .until(() -> operator().get("/api/v1/tasks/" + cancelled).text("status"), "running"::equals);

        assertThat(operator().post("/api/v1/tasks/" + cancelled + "/cancel").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> !tasks.containsKey(cancelled));
    }
}
