package io.taskforge.hardware;

import io.taskforge.task.TaskId;

/**
 * One of the panel's loops and the task that runs it.
 *
 * @param type the loop task's type, {@code render-loop} or {@code poll-loop}
 */
public record LoopTask(String type, String category, TaskId taskId) {}
