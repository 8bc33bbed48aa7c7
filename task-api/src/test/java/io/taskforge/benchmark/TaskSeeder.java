package io.taskforge.benchmark;

import io.taskforge.engine.numbering.TaskNumbers;
import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.CompleteAttemptCommand;
import io.taskforge.task.command.CreateTaskCommand;
import io.taskforge.task.command.FailAttemptCommand;
import io.taskforge.task.command.StartAttemptCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Creates tasks through the aggregate in realistic states: 70 % completed, 10 % in the dead letter
 * queue, 5 % running and 15 % pending, spread over types, categories, providers and owners.
 */
final class TaskSeeder {

    private static final int THREADS = 8;

    private final CommandGateway commands;
    private final TaskNumbers numbers;

    TaskSeeder(CommandGateway commands, TaskNumbers numbers) {
        this.commands = commands;
        this.numbers = numbers;
    }

    List<TaskId> seed(int tasks) throws Exception {
        List<TaskId> ids = new ArrayList<>(tasks);
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<TaskId>> futures = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                int n = i;
                futures.add(pool.submit(() -> seedOne(n)));
            }
            for (Future<TaskId> future : futures) {
                ids.add(future.get());
            }
        }
        return ids;
    }

    private TaskId seedOne(int n) {
        TaskId id = TaskId.random();
        commands.sendAndWait(new CreateTaskCommand(id, numbers.next(), definition(n)));
        int bucket = n % 100;
        if (bucket < 85) {
            commands.sendAndWait(new StartAttemptCommand(id, 1, "bench-worker-" + (n % 8)));
        }
        if (bucket < 70) {
            commands.sendAndWait(new CompleteAttemptCommand(id, 1, Map.of("n", n)));
        } else if (bucket < 80) {
            commands.sendAndWait(FailAttemptCommand.of(id, 1, new TaskError("http_error", "rejected", 400)));
        }
        return id;
    }

    private static TaskDefinition definition(int n) {
        return new TaskDefinition(
                "noop",
                TaskCategory.values()[n % TaskCategory.values().length],
                "benchmark task " + n,
                Map.of("n", n),
                Map.of("kind", n % 2 == 0 ? "payment" : "report", "amount", n % 300),
                "provider-" + (n % 5),
                n % 3,
                1800,
                RetrySettings.DEFAULT,
                "owner-" + (n % 50),
                "benchmark",
                "problem-" + (n % 1000),
                null);
    }
}
