package io.taskforge.engine.deadletters;

import java.util.List;

/** The parked events of one task in one read model, oldest first. */
public record ParkedTask(String processingGroup, String taskId, List<ParkedEvent> events) {}
