package io.taskforge.engine.builtin;

import io.taskforge.handler.TaskContext;
import io.taskforge.handler.TaskHandler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Sleeps for {@code millis}, reporting progress after each of {@code steps} equal parts: a stand-in for long work. */
@Component
class SleepHandler implements TaskHandler {

    static final long MAX_MILLIS = Duration.ofHours(24).toMillis();
    static final long MAX_STEPS = 10_000;

    @Override
    public String type() {
        return "sleep";
    }

    @Override
    public void validate(Map<String, Object> input) {
        Input.parse(input);
    }

    @Override
    public Map<String, Object> execute(TaskContext context) throws Exception {
        Input input = InputValues.forExecution(() -> Input.parse(context.input()));
        CountDownLatch cancelled = new CountDownLatch(1);
        context.onCancel(cancelled::countDown);
        long start = System.nanoTime();
        for (int step = 1; step <= input.steps(); step++) {
            // each step ends at its share of the total from the start, so late wake-ups do not add up
            long stepEnd = start + TimeUnit.MILLISECONDS.toNanos(input.millis() * step / input.steps());
            if (cancelled.await(stepEnd - System.nanoTime(), TimeUnit.NANOSECONDS) || context.isCancelled()) {
                throw new CancellationException("sleep cancelled in step " + step + " of " + input.steps());
            }
            context.reportProgress(step * 100 / input.steps(), "step " + step + " of " + input.steps());
        }
        return Map.of("slept_ms", input.millis(), "steps", input.steps());
    }

    record Input(long millis, int steps) {

        static Input parse(Map<String, Object> input) {
            Map<String, Object> values = InputValues.orEmpty(input);
            return new Input(InputValues.wholeNumber(values, "millis", 0, 0, MAX_MILLIS), (int)
                    InputValues.wholeNumber(values, "steps", 1, 1, MAX_STEPS));
        }
    }
}
