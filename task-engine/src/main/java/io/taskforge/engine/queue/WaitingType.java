package io.taskforge.engine.queue;

import java.time.Instant;

/**
 * Due work of one type that no one runs: how many tasks wait and since when the oldest has been due.
 */
public record WaitingType(String type, int waiting, Instant oldestDueAt, int running) {}
