package io.taskforge.task.command;

import io.taskforge.task.TaskId;

/** A command asked for something the task's rules forbid in its current state. */
public class TaskRuleViolationException extends RuntimeException {

    private final TaskId taskId;
    private final TaskRule rule;

    public TaskRuleViolationException(TaskId taskId, TaskRule rule, String message) {
        super(message);
        this.taskId = taskId;
        this.rule = rule;
    }

    public TaskId taskId() {
        return taskId;
    }

    public TaskRule rule() {
        return rule;
    }
}
