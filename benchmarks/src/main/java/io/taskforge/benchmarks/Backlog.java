package io.taskforge.benchmarks;

import java.util.List;

/** The tasks stored while execution was off, found in the event store by their creation events. */
record Backlog(List<String> taskIds) {}
