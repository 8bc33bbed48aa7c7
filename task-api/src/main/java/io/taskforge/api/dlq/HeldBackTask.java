package io.taskforge.api.dlq;

/** A dead letter a redrive left where it is, and why. */
record HeldBackTask(String taskId, String provider, String reason) {}
