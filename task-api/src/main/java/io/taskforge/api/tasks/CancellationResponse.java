package io.taskforge.api.tasks;

/** The answer to a cancellation: seed 002 reads {@code message}, seed 004 also {@code success}. */
record CancellationResponse(boolean success, String message, String taskId) {}
