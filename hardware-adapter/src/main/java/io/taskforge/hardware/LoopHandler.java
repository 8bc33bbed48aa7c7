package io.taskforge.hardware;

import io.taskforge.handler.InvalidTaskInputException;
import io.taskforge.handler.PermanentTaskException;
import io.taskforge.handler.TaskContext;
import io.taskforge.handler.TaskHandler;
import io.taskforge.task.TaskId;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Runs one of the panel's loops as a task: each attempt is one run of the loop, supervised by the
 * engine (liveness, restarts with backoff, the dead letter queue). Loop tasks are started by the
 * adapter at start-up; one that an earlier run of the engine started ends at once as superseded,
 * and a second loop task of the same kind never drives the same pins alongside the first.
 */
final class LoopHandler implements TaskHandler {

    static final String RUN = "run";

    private final String type;
    private final LoopBody body;
    private final LoopSupervision supervision;
    private final String run;
    private final Waiter waiter;
    private final Clock clock;
    private final BooleanSupplier adapterRunning;
    private final AtomicReference<Attempt> current = new AtomicReference<>();

    /** The attempt that runs the loop now; an earlier attempt of the same task that is still blocked gives way to it. */
    private record Attempt(TaskId taskId, int number) {}

    LoopHandler(
            String type,
            LoopBody body,
            LoopSupervision supervision,
            String run,
            Waiter waiter,
            Clock clock,
            BooleanSupplier adapterRunning) {
        this.type = type;
        this.body = body;
        this.supervision = supervision;
        this.run = run;
        this.waiter = waiter;
        this.clock = clock;
        this.adapterRunning = adapterRunning;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public void validate(Map<String, Object> input) {
        if (!run.equals(input.get(RUN))) {
            throw new InvalidTaskInputException(
                    type + " tasks are started by the hardware adapter (TASKFORGE_HARDWARE_ENABLED), not submitted");
        }
    }

    @Override
    public Map<String, Object> execute(TaskContext context) throws Exception {
        if (!run.equals(context.input().get(RUN))) {
            return Map.of("superseded", true, "reason", "started by an earlier run of the engine, which runs its own");
        }
        Attempt mine = new Attempt(context.taskId(), context.attempt());
        Attempt earlier = current.getAndUpdate(
                running -> running == null || running.taskId().equals(mine.taskId()) ? mine : running);
        if (earlier != null && !earlier.taskId().equals(mine.taskId())) {
            throw new PermanentTaskException(
                    "loop_already_running", "task " + earlier.taskId() + " runs the " + type + " already");
        }
        try {
            return new SupervisedLoop(type, body, supervision, waiter, clock)
                    .run(context, () -> adapterRunning.getAsBoolean() && mine.equals(current.get()));
        } finally {
            current.compareAndSet(mine, null);
        }
    }
}
