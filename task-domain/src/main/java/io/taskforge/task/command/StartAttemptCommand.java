package io.taskforge.task.command;

import io.taskforge.task.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Begin the given attempt on a worker. Naming the attempt makes a second start of the same
 * attempt, by another node that claimed the same work, fail instead of running twice.
 */
public record StartAttemptCommand(@TargetAggregateIdentifier TaskId taskId, int attempt, String workerId) {}
