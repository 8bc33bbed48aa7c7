package io.taskforge.hardware;

import io.taskforge.handler.InvalidTaskInputException;
import io.taskforge.handler.TaskLog;
import io.taskforge.handler.TaskSubmitter;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes presses as commands: a task created, or the tasks an input created cancelled, so that
 * the event store holds what the panel did. Which tasks each input created is kept in memory only,
 * for its cancel button: after a restart the earlier ones are cancelled through the API.
 */
final class PanelTriggers {

    /** How many created tasks per input a cancel button remembers. */
    static final int REMEMBERED = 100;

    private final TaskSubmitter submitter;
    private final Map<String, Deque<TaskId>> created = new ConcurrentHashMap<>();

    PanelTriggers(TaskSubmitter submitter) {
        this.submitter = submitter;
    }

    void pressed(InputPin input, TaskLog log) {
        InputTrigger trigger = input.trigger();
        switch (trigger.action()) {
            case CREATE_TASK -> create(input, trigger, log);
            case CANCEL_CREATED -> cancelCreatedBy(input, trigger.cancels(), log);
        }
    }

    private void create(InputPin input, InputTrigger trigger, TaskLog log) {
        var definition = new TaskDefinition(
                trigger.type(),
                trigger.category(),
                trigger.description() != null ? trigger.description() : input.name() + " pressed",
                trigger.taskInput(),
                Map.of("input", input.name(), "pin", input.pin()),
                null,
                0,
                trigger.timeout().toSeconds(),
                null,
                null,
                requester(input),
                null,
                null);
        try {
            TaskId taskId = submitter.submit(definition);
            remember(input.name(), taskId);
            log.write(
                    TaskLog.Level.INFO,
                    input.name() + " pressed: created " + trigger.type() + " task " + taskId,
                    Map.of("input", input.name(), "task_id", taskId.toString()));
        } catch (InvalidTaskInputException misconfigured) {
            log.error(input.name() + " pressed, but its trigger cannot create a task: " + misconfigured.getMessage());
        }
    }

    private void cancelCreatedBy(InputPin input, String target, TaskLog log) {
        List<TaskId> tasks;
        Deque<TaskId> remembered = created.getOrDefault(target, new ArrayDeque<>());
        synchronized (remembered) {
            tasks = List.copyOf(remembered);
            remembered.clear();
        }
        long cancelled = tasks.stream()
                .filter(taskId -> submitter.cancel(taskId, "cancelled by pressing " + input.name(), requester(input)))
                .count();
        log.write(
                TaskLog.Level.INFO,
                input.name() + " pressed: cancelled " + cancelled + " task(s) created by " + target,
                Map.of("input", input.name(), "cancelled", cancelled));
    }

    private void remember(String input, TaskId taskId) {
        Deque<TaskId> tasks = created.computeIfAbsent(input, name -> new ArrayDeque<>());
        synchronized (tasks) {
            tasks.addLast(taskId);
            if (tasks.size() > REMEMBERED) {
                tasks.removeFirst();
            }
        }
    }

    private static String requester(InputPin input) {
        return "hardware:" + input.name();
    }
}
