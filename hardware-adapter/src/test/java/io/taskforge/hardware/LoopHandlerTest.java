package io.taskforge.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskforge.handler.InvalidTaskInputException;
import io.taskforge.handler.PermanentTaskException;
import io.taskforge.handler.TaskLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopHandlerTest {

    private static final String RUN = "run-of-this-engine";
    private static final LoopSupervision SUPERVISION = new LoopSupervision(
            Duration.ofSeconds(5), Duration.ofSeconds(10), 3, 5, Duration.ofSeconds(1), Duration.ofSeconds(30));

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final CountDownLatch firstIteration = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final LoopHandler handler = new LoopHandler(
            "render-loop",
            new LoopBody() {
                @Override
                public void iterate(TaskLog log) {
                    firstIteration.countDown();
                }

                @Override
                public Duration period() {
                    return Duration.ofMillis(40);
                }

                @Override
                public String progress() {
                    return "rendering";
                }
            },
            SUPERVISION,
            RUN,
            when -> Thread.sleep(1),
            clock,
            () -> true);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void refuses_a_submission_that_does_not_carry_this_engines_run() {
        assertThatThrownBy(() -> handler.validate(Map.of()))
                .isInstanceOf(InvalidTaskInputException.class)
                .hasMessageContaining("started by the hardware adapter");
        handler.validate(Map.of(LoopHandler.RUN, RUN));
    }

    @Test
    void a_loop_task_an_earlier_run_of_the_engine_started_ends_at_once_as_superseded() throws Exception {
        var leftOver = new LoopTaskContext(Map.of(LoopHandler.RUN, "run-before-the-crash"));

        assertThat(handler.execute(leftOver)).containsEntry("superseded", true);
        assertThat(leftOver.alive()).isEmpty();
    }

    @Test
    void a_second_loop_task_never_drives_the_pins_alongside_the_first() throws Exception {
        Future<Map<String, Object>> first =
                threads.submit(() -> handler.execute(new LoopTaskContext(Map.of(LoopHandler.RUN, RUN))));
        firstIteration.await();

        assertThatThrownBy(() -> handler.execute(new LoopTaskContext(Map.of(LoopHandler.RUN, RUN))))
                .isInstanceOf(PermanentTaskException.class)
                .hasMessageContaining("runs the render-loop already");
        assertThat(first.isDone()).isFalse();
    }
}
