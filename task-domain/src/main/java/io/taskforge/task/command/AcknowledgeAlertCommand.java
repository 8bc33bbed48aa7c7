package io.taskforge.task.command;

import io.taskforge.task.TaskId;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Acknowledge one of the task's alerts, with an optional note. */
public record AcknowledgeAlertCommand(
        @TargetAggregateIdentifier TaskId taskId, UUID alertId, String acknowledgedBy, String note) {}
